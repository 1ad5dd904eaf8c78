"""The one table of ``career``'s commands: where each one lives, its help panel and one-line summary, and whether
it only reads.

The app builds only the command that is invoked from this table (importing one module, not all of them), and
``--help`` lists the commands from it without importing any. The start-up replay uses the same table to decide
which invocations may be answered from saved output. A test fails when the app registers a command that this
table does not classify, or when a summary here differs from the command's own help. Standard library only.
"""

from __future__ import annotations

# how a command may be treated by the replay
READS = "reads"  # output depends only on the arguments, environment, terminal, data files and profile
WRITES = "writes"  # changes the profile, a file or the user's data: never replayed
OTHER = "other"  # reads files named on the command line, or prints what it cannot be keyed on: never replayed

EXPLORE, PLAN, MINE, DATA = "Explore", "Plan your next step", "Your profile", "Data"

# top-level name -> (target "module:attribute", help panel, one-line summary); a target that names a Typer app
# is a group of subcommands
TOP: dict[str, tuple[str, str, str]] = {
    "list": ("careercli.cli.roles:list_roles", EXPLORE, "List the roles, grouped by category."),
    "show": (
        "careercli.cli.roles:show",
        EXPLORE,
        "Show one role: what they do, what to learn, challenges, prospects, key skills, books by fit and the newest.",
    ),
    "books": ("careercli.cli.books:books", EXPLORE, "The reading list, newest first; the filters combine."),
    "book": (
        "careercli.cli.books:book",
        EXPLORE,
        "One book in full: subtitle, edition, authors, publisher, date, ISBN-13, roles and topics.",
    ),
    "search": (
        "careercli.cli.books:search",
        EXPLORE,
        "Search roles, skills and books at once; forgives typos of one or two letters.",
    ),
    "compare": (
        "careercli.cli.plan:compare",
        PLAN,
        "Compare two or three roles side by side: skills they share and their own, challenges, next roles, books.",
    ),
    "gap": (
        "careercli.cli.plan:gap",
        PLAN,
        "Your skills against a role's key skills: coverage, what is missing, and a learning plan with books.",
    ),
    "path": (
        "careercli.cli.plan:path",
        PLAN,
        "Where a role leads (as a tree of next roles) and where people come from, with the skills each step adds.",
    ),
    "plan": (
        "careercli.cli.plan:plan",
        PLAN,
        "A learning plan for a role: the ordered steps, one first book each, and why each step is where it is.",
    ),
    "discover": (
        "careercli.cli.discover:discover",
        PLAN,
        "Which careers suit me? Occupations ranked by how well they fit your interests, with pay and outlook.",
    ),
    "suggest": (
        "careercli.cli.plan:suggest",
        PLAN,
        "What could I become next? Roles and occupations ranked by your skills, the usual moves and your interests.",
    ),
    "bookmark": ("careercli.cli.bookmarks:app", MINE, "Keep the roles you are weighing, with a note and tags."),
    "skills": ("careercli.cli.skills:app", MINE, "Record the skills you have, to see your gap to any role."),
    "reading": (
        "careercli.cli.reading:app",
        MINE,
        "Your reading list: books you want to read, are reading or have read.",
    ),
    "export": (
        "careercli.cli.export:export",
        MINE,
        "Export your profile as Markdown: skills, bookmarked roles with your gap, reading list, suggestions.",
    ),
    "data": (
        "careercli.cli.data_cmds:app",
        DATA,
        "Your own data packs: roles, skills and books in the bundled schema; O*NET and BLS imports.",
    ),
    "where": (
        "careercli.cli.export:where",
        DATA,
        "Show where careercli keeps your profile, its data, packs and cache.",
    ),
    "config": (
        "careercli.cli.prefs:config_app",
        DATA,
        "Your preferences (config.toml beside the profile): default colour, pager, books in show.",
    ),
    "cache": ("careercli.cli.prefs:cache_app", DATA, "careercli's cache (rebuilt on demand): clear it."),
    "help": (
        "careercli.cli.help_topics:app",
        DATA,
        "The help of a command ('career help show' is 'career show --help'), and topics beyond one command.",
    ),
}

# old command names kept for a release: each runs its new command, is left out of help and completion, and its own
# help names the new one; the replay reads it as the new name
ALIASES: dict[str, str] = {"paths": "where"}

# the help of ``career`` itself: the app's group reads it from here, and ``career --help`` is rendered from it
# without Typer (careercli.presenters.help.top_help; a test holds the two pages equal)
APP_HELP = """Explore software careers offline: roles, the official facts of U.S. occupations (O*NET), skills,
learning plans, where each role leads and the books worth reading.

Examples:

    career show backend-developer

    career plan site-reliability-engineer --have python

    career show "software developers\""""
APP_EPILOG = "Start with: career list, then career show backend-developer."
INSTALL_HELP = "Install completion for your shell: bash, zsh or fish (named after it, or the one in use)."
SHOW_HELP = "Print the completion script for your shell (bash, zsh or fish), to install it yourself."
APP_OPTIONS = (  # as Click words them for the group's options, the output options left out
    ("-V, --version", "Print the version and exit."),
    ("--install-completion", INSTALL_HELP),
    ("--show-completion", SHOW_HELP),
    ("-h, --help", "Show this help and exit."),
)
# the output options (careercli.cli.options): described once, in 'career --help' and 'career help output'; a
# command's own help only names the ones it takes (a test holds the names and texts equal to the options')
OUTPUT_OPTIONS = (
    ("--color WHEN", "Colour: auto (default; off when piped or NO_COLOR is set), always or never."),
    ("--pager / --no-pager", "Page long output with $PAGER, or never (as in git)."),
    ("--json", "Print JSON instead of a table (keys in the README)."),
    (
        "-f, --format FORMAT",
        "text (default: a table, or tab-separated records when piped), markdown, json, svg or html.",
    ),
)
OUTPUT_PANEL = "Output options (career help output)"

# every command path the app has -> how the replay may treat it
KINDS: dict[tuple[str, ...], str] = {
    ("list",): READS,
    ("show",): READS,
    ("books",): READS,
    ("book",): READS,
    ("search",): READS,
    ("compare",): READS,
    ("gap",): READS,
    ("path",): READS,
    ("plan",): READS,
    ("discover",): WRITES,  # saves the answers in the profile
    ("suggest",): READS,
    ("bookmark", "add"): WRITES,
    ("bookmark", "remove"): WRITES,
    ("bookmark", "list"): READS,
    ("skills", "add"): WRITES,
    ("skills", "remove"): WRITES,
    ("skills", "list"): READS,
    ("reading", "add"): WRITES,
    ("reading", "remove"): WRITES,
    ("reading", "list"): READS,
    ("export",): WRITES,  # writes a file with -o; its output names the date and the profile
    ("data", "validate"): OTHER,  # reads files named on the command line, which the replay key does not cover
    ("data", "import-onet"): WRITES,  # replaces the user's O*NET database
    ("data", "remove-onet"): WRITES,
    ("data", "import-oews"): WRITES,  # replaces the user's BLS wages
    ("data", "remove-oews"): WRITES,
    ("data", "import-projections"): WRITES,  # replaces the user's BLS projections
    ("data", "remove-projections"): WRITES,
    ("where",): READS,
    ("config", "path"): READS,
    ("config", "show"): READS,
    ("config", "set"): WRITES,
    ("config", "unset"): WRITES,
    ("cache", "clear"): WRITES,  # removes the saved output itself
    ("help", "environment"): READS,
    ("help", "output"): OTHER,  # a help page, with no listing to give as JSON
}

# commands that write yet print a listing: they take --json and --format too
VIEWS_TOO = frozenset({("discover",)})


def kind(words: tuple[str, ...]) -> str | None:
    """How the command named by ``words`` (its path, e.g. ``("bookmark", "list")``; an old name as its new one)
    may be replayed."""
    if words and words[0] in ALIASES:
        words = (ALIASES[words[0]], *words[1:])
    return KINDS.get(words)
