"""``python -m incursion``: the command line."""

from incursion._cli import main

raise SystemExit(main())
