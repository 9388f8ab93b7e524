"""What must survive translation unchanged: markup, placeholders and addresses.

The TC6xx checks compare these between a source and its translation:

- :mod:`tcheck.markup.markdown`: the markup of a Markdown/MDX page (inline code, link and image
  targets, heading ids, shortcodes, JSX components and HTML tags with their non-text arguments,
  footnote references, fenced code blocks), each with its exact file span and the block it is in;
- :mod:`tcheck.markup.blocks`: which blocks of a page and its source pair up, through the aligned
  segments, so that markup is compared block by block where the text aligns and per document
  elsewhere;
- :mod:`tcheck.markup.links`: link targets as a site localises them (``/docs/x/`` and
  ``/ja/docs/x/`` are the same page);
- :mod:`tcheck.markup.placeholders` and :mod:`tcheck.markup.icu`: placeholders of message formats
  (printf, Python, ``{{double}}``, ``${shell}``, ICU MessageFormat with CLDR plural categories,
  tags, entities);
- :mod:`tcheck.markup.addresses`: URLs, e-mail addresses and @handles in plain text.
"""
