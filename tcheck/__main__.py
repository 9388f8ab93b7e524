from tcheck.cli import main

main()
