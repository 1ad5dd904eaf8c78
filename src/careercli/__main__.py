"""``python -m careercli``."""

from careercli.entry import main

main()
