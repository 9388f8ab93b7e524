"""What a CI run adds around the checks: changed lines of a pull request (:mod:`.diff`) and
baselines of accepted findings (:mod:`.baseline`)."""
