"""Occupations from an O*NET database (see :mod:`careercli.onet`): find, detail, search, list by SOC group.

Pure functions over an open, read-only ``sqlite3.Connection``; the caller opens it (``careercli.onet.bundled.current``)
and passes in what the catalogue knows (skill names for the technology mapping). Results are frozen dataclasses.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping

from careercli.onet.db import normalise
from careercli.onet.release import credit
from careercli.records import record

_CODE = re.compile(r"^(\d{2})-(\d{4})(?:\.(\d{2}))?$")

# O*NET technology names (normalised) that name a careercli skill under another name; catalogue skill names and
# aliases match by themselves. An entry counts only when the catalogue has the skill.
TECHNOLOGY_SKILLS: dict[str, str] = {
    "structured query language sql": "sql",
    "oracle java": "java",
    "amazon web services aws software": "aws",
    "microsoft azure software": "azure",
    "google cloud software": "gcp",
    "microsoft powershell": "powershell",
    "hypertext markup language html": "html",
    "cascading style sheets css": "css",
    "node.js": "nodejs",
    "apache kafka": "kafka",
    "apache spark": "spark",
    "apache airflow": "airflow",
    "microsoft excel": "excel",
    "microsoft power bi": "power-bi",
    "ibm terraform": "terraform",
    "hashicorp terraform": "terraform",
    "jenkins ci": "ci-cd",
    "restful api": "rest-apis",
    "spring boot": "spring-boot",
    "c#": "csharp",
    "microsoft visual c# .net": "csharp",
    "c++": "cpp",
    "unix shell": "bash",
    "shell script": "scripting",
    "selenium": "selenium",
    "microsoft active directory": "active-directory",
    "active directory software": "active-directory",
    "microsoft windows server": "windows-server",
    "version control software": "git",
    "github": "git",
    "gitlab": "git",
    "dbt labs dbt": "dbt",
    "scikit-learn": "scikit-learn",
    "facebook pytorch": "pytorch",
    "pytorch": "pytorch",
    "virtual private networking vpn software": "vpn",
    "firewall software": "firewalls",
    "react": "react",
    "vue.js": "vue",
    "apple swift": "swift",
    "unity technologies unity": "unity",
    "epic games unreal engine": "unreal-engine",
    "mongodb": "nosql",
    "apache cassandra": "nosql",
    "figma": "figma",
}


@record
class Match:
    """An occupation that answers a name; ``kind`` says how: code, title, alternate, reported or technology."""

    code: str
    title: str
    matched: str
    kind: str


@record
class JobZone:
    zone: int
    name: str
    experience: str
    education: str
    training: str


@record
class Task:
    text: str
    core: bool | None  # None where O*NET gives no type ("n/a")


@record
class Technology:
    name: str
    commodity: str
    hot: bool
    in_demand: bool
    skill: str | None  # the careercli skill id the technology names, if any


@record
class Related:
    code: str
    title: str
    tier: str
    index: int


@record
class Occupation:
    """One occupation with its official facts and the credit line of its release."""

    code: str
    title: str
    description: str
    version: str
    job_zone: JobZone | None
    education: str | None  # the required level of education most respondents report
    education_percent: float | None
    tasks: tuple[Task, ...]
    technologies: tuple[Technology, ...]
    related: tuple[Related, ...]
    interests: tuple[tuple[str, float], ...]  # RIASEC, highest first
    credit: str

    @property
    def core_tasks(self) -> tuple[Task, ...]:
        return tuple(t for t in self.tasks if t.core)

    @property
    def hot_technologies(self) -> tuple[Technology, ...]:
        """Hot or in-demand technologies, the in-demand ones first."""
        chosen = [t for t in self.technologies if t.hot or t.in_demand]
        return tuple(sorted(chosen, key=lambda t: not t.in_demand))

    @property
    def skills(self) -> tuple[str, ...]:
        """The careercli skills its hot technologies name, each once, in order."""
        return tuple(dict.fromkeys(t.skill for t in self.hot_technologies if t.skill))


def normalise_code(text: str) -> str | None:
    """``15-1252.00`` as is, ``15-1252`` as ``15-1252.00``; None when the text is not a code."""
    match = _CODE.match(text.strip())
    if match is None:
        return None
    return f"{match.group(1)}-{match.group(2)}.{match.group(3) or '00'}"


def version(db: sqlite3.Connection) -> str:
    row = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
    return row[0] if row else ""


def find(db: sqlite3.Connection, query: str) -> list[Match]:
    """Occupations that ``query`` names: by code, else by title, else by alternate, else by reported title."""
    code = normalise_code(query)
    if code is not None:
        row = db.execute("SELECT code, title FROM occupation WHERE code = ?", (code,)).fetchone()
        return [Match(row[0], row[1], row[0], "code")] if row else []
    key = normalise(query)
    if not key:
        return []
    rows = db.execute("SELECT code, title FROM occupation WHERE norm = ? ORDER BY code", (key,)).fetchall()
    if rows:
        return [Match(c, t, t, "title") for c, t in rows]
    for kind in ("alternate", "reported"):
        rows = db.execute(
            "SELECT t.code, o.title, t.title FROM title t JOIN occupation o ON o.code = t.code "
            "WHERE t.norm = ? AND t.kind = ? ORDER BY t.code",
            (key, kind),
        ).fetchall()
        if rows:
            return [Match(c, t, m, kind) for c, t, m in rows]
    return _find_by_words(db, query)


def _find_by_words(db: sqlite3.Connection, query: str) -> list[Match]:
    """Occupations one of whose names is the query in other forms of its words: a title or other title stem for
    stem ('Registered Nurse' for 'Registered Nurses'), or the part of another title in or before brackets ('Chief
    Technology Officer' of 'Chief Technology Officer (CTO)'). Word for word before stem for stem, titles before
    other titles."""
    from careercli.queries.search_index import name_key, stem_root, words

    wanted = words(query)
    if not wanted:
        return []
    exact, key = " ".join(wanted), name_key(query)
    root = stem_root(max(wanted, key=len))
    levels: list[list[Match]] = [[], [], []]  # part word for word; title by stem; other title by stem
    for code, title, kind, text in fields_holding(db, [root]):
        if kind == "technology":
            continue
        parts = [p for p in re.split(r"[()]", text) if p.strip()]
        if kind != "title" and any(" ".join(words(p)) == exact for p in parts):
            levels[0].append(Match(code, title, text, kind))
        elif kind == "title" and name_key(text) == key:
            levels[1].append(Match(code, title, text, kind))
        elif kind != "title" and any(name_key(p) == key for p in parts):
            levels[2].append(Match(code, title, text, kind))
    for found in levels:
        if found:
            return sorted({m.code: m for m in found}.values(), key=lambda m: m.code)
    return []


def search(db: sqlite3.Connection, text: str, limit: int = 0) -> list[Match]:
    """Occupations whose title, else another title, else a technology they use holds every word of ``text``.

    One match per occupation, in that order of kinds (``title``, ``alternate``/``reported``, ``technology``).
    """
    words = normalise(text).split()
    if not words or _longer_than_any_name(db, max(map(len, words))):
        return []
    like = " AND ".join("norm LIKE ? ESCAPE '\\'" for _ in words)
    params = [f"%{_escape(w)}%" for w in words]
    found: dict[str, Match] = {}
    for code, title in db.execute(f"SELECT code, title FROM occupation WHERE {like} ORDER BY title", params):
        found[code] = Match(code, title, title, "title")
    rows = db.execute(
        f"SELECT t.code, o.title, t.title, t.kind FROM title t JOIN occupation o ON o.code = t.code "
        f"WHERE {like.replace('norm', 't.norm')} ORDER BY t.kind, length(t.title), o.title",
        params,
    )
    for code, title, matched, kind in rows:
        found.setdefault(code, Match(code, title, matched, kind))
    rows = db.execute(
        f"SELECT t.code, o.title, t.name FROM technology t JOIN occupation o ON o.code = t.code "
        f"WHERE {like.replace('norm', 'lower(t.name)')} ORDER BY t.in_demand DESC, t.hot DESC, o.title",
        params,
    )
    for code, title, matched in rows:
        found.setdefault(code, Match(code, title, matched, "technology"))
    result = list(found.values())
    return result[:limit] if limit else result


def fields_holding(db: sqlite3.Connection, parts: list[str]) -> list[tuple[str, str, str, str]]:
    """Every title, other title and technology name holding any of ``parts`` (lower case) as a substring, as
    ``(code, occupation title, kind, text)``; kind is ``title``, ``alternate``, ``reported`` or ``technology``.
    The caller judges the words (:func:`careercli.queries.occupation_lists.search_hits`)."""
    parts = [p for p in dict.fromkeys(parts) if p]
    if not parts or _longer_than_any_name(db, max(map(len, parts))):
        return []
    params = [f"%{_escape(p)}%" for p in parts]
    any_of = " OR ".join("{column} LIKE ? ESCAPE '\\'" for _ in parts)
    titles = db.execute(f"SELECT code, title FROM occupation WHERE {any_of.format(column='norm')}", params)
    rows: list[tuple[str, str, str, str]] = [(code, title, "title", title) for code, title in titles]
    rows += db.execute(
        f"SELECT t.code, o.title, t.kind, t.title FROM title t JOIN occupation o ON o.code = t.code "
        f"WHERE {any_of.format(column='t.norm')}",
        params,
    ).fetchall()
    rows += db.execute(
        f"SELECT t.code, o.title, 'technology', t.name FROM technology t JOIN occupation o ON o.code = t.code "
        f"WHERE {any_of.format(column='lower(t.name)')}",
        params,
    ).fetchall()
    return rows


def _longer_than_any_name(db: sqlite3.Connection, length: int) -> bool:
    """A word longer than every title and technology name matches none (and SQLite refuses a LIKE pattern of
    50,000 bytes): asked only for long words, since it reads every name."""
    if length <= 200:
        return False
    longest = db.execute(
        "SELECT max((SELECT max(length(norm)) FROM occupation), (SELECT max(length(norm)) FROM title), "
        "(SELECT max(length(name)) FROM technology))"
    ).fetchone()
    return longest is None or longest[0] is None or length > longest[0]


def _escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def by_group(db: sqlite3.Connection, major: str = "") -> list[Match]:
    """The occupations of a SOC major group (``"15"``), or all of them, by code."""
    if major and not re.fullmatch(r"\d{2}", major):
        return []
    rows = db.execute(
        "SELECT code, title FROM occupation WHERE code LIKE ? ORDER BY code", (f"{major}-%" if major else "%",)
    )
    return [Match(c, t, t, "code") for c, t in rows]


def job_zones(db: sqlite3.Connection) -> list[JobZone]:
    """O*NET's five job zones: name, experience, education and training, by zone."""
    rows = db.execute("SELECT zone, name, experience, education, training FROM job_zone ORDER BY zone")
    return [JobZone(*row) for row in rows]


def skill_index(names: Mapping[str, str]) -> dict[str, str]:
    """Technology name -> careercli skill id, from the catalogue's ``{skill name or alias or id: id}`` and the
    curated :data:`TECHNOLOGY_SKILLS` (kept only for skills the catalogue has)."""
    index = {normalise(name): skill for name, skill in names.items()}
    known = set(names.values())
    for name, skill in TECHNOLOGY_SKILLS.items():
        if skill in known:
            index.setdefault(name, skill)
    return index


def detail(db: sqlite3.Connection, code: str, skills: Mapping[str, str] | None = None) -> Occupation | None:
    """Everything about one occupation; ``skills`` is :func:`skill_index`'s result (empty: no mapping)."""
    code = normalise_code(code) or code
    row = db.execute(
        "SELECT code, title, description, job_zone, education, education_percent FROM occupation WHERE code = ?",
        (code,),
    ).fetchone()
    if row is None:
        return None
    if not (_number(row[3], int) and _number(row[5], (int, float))):
        _malformed(db, f"a job zone or an education share of {code} that is not a number")
    skills = skills or {}
    zone = None
    if row[3] is not None:
        found = db.execute(
            "SELECT zone, name, experience, education, training FROM job_zone WHERE zone = ?", (row[3],)
        ).fetchone()
        zone = JobZone(*found) if found else JobZone(row[3], f"Job Zone {row[3]}", "", "", "")
    task_rows = db.execute("SELECT text, core FROM task WHERE code = ? ORDER BY position", (code,)).fetchall()
    tasks = tuple(Task(text, None if core is None else bool(core)) for text, core in task_rows)
    technologies = tuple(
        Technology(name, commodity, bool(hot), bool(demand), skills.get(normalise(name)))
        for name, commodity, hot, demand in db.execute(
            "SELECT name, commodity, hot, in_demand FROM technology WHERE code = ? ORDER BY position", (code,)
        )
    )
    related = tuple(
        Related(*r)
        for r in db.execute(
            "SELECT r.related, o.title, r.tier, r.position FROM related r JOIN occupation o ON o.code = r.related "
            "WHERE r.code = ? ORDER BY r.position",
            (code,),
        )
    )
    interests = tuple(
        (name, value)
        for name, value in db.execute(
            "SELECT name, value FROM interest WHERE code = ? ORDER BY value DESC, name", (code,)
        )
    )
    if not all(_number(core, int) for _text, core in task_rows) or not all(_number(r.index, int) for r in related):
        _malformed(db, f"a task type or a related occupation's position of {code} that is not a number")
    if not all(_number(value, (int, float)) and value is not None for _name, value in interests):
        _malformed(db, f"an interest score of {code} that is not a number")
    release = version(db)
    return Occupation(
        row[0], row[1], row[2], release, zone, row[4], row[5], tasks, technologies, related, interests, credit(release)
    )


def _number(value: object, kind: type | tuple[type, ...]) -> bool:
    """``value`` is None or of ``kind`` (a hand-edited import can hold text where careercli writes numbers)."""
    return value is None or isinstance(value, kind)


def _malformed(db: sqlite3.Connection, what: str) -> None:
    from careercli.errors import MalformedImport

    raise MalformedImport(getattr(db, "path", ""), what)


def titles(db: sqlite3.Connection, code: str) -> list[str]:
    """The alternate and reported titles of an occupation (for completion and 'also called')."""
    return [t for (t,) in db.execute("SELECT title FROM title WHERE code = ? ORDER BY kind, title", (code,))]


def curated_codes(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``{onet code: role id}`` from ``(role id, onet)`` pairs, skipping roles with no code or ``"none"``."""
    return {code: role for role, code in pairs if code and code != "none"}
