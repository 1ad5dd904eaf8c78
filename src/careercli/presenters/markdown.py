"""The Markdown export of the profile and a role's page. Every piece of user or data text is escaped, ids
too, so that a note can never change the document's structure (no stray headings, links, tables, HTML or code
spans)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from careercli.presenters.text import code, escape, one_line

if TYPE_CHECKING:
    from careercli.model import Book, Catalog, Role
    from careercli.profile import Profile, ReadingEntry
    from careercli.queries.gap import Gap


def _book_line(book: Book) -> str:
    authors = ", ".join(book.authors) or "unknown author"
    year = f" ({escape(book.published[:4])})" if book.published else ""  # escape() strips a line's spaces: not this one
    return f"*{escape(book.title)}*, {escape(authors)}{year}"


def _reading_line(entry: ReadingEntry, book: Book | None) -> str:
    """A reading-list line: the book (or the user's own entry), then their rating and note."""
    if book is not None:
        line = _book_line(book)
    elif entry.custom:
        authors = ", ".join(entry.authors) or "unknown author"
        year = f" ({entry.year})" if entry.year else ""
        line = f"*{escape(entry.title)}*, {escape(authors)}{year} (your own entry)"
    else:
        line = f"{code(entry.book)} (no longer in the catalog)"
    if entry.rating:
        line += f", rated {entry.rating}/5"
    return line + (f": {escape(entry.note)}" if entry.note else "")


PLAN_STEPS = 5  # the steps of each plan the export shows without --full
SKILLS = 12  # the skills to learn it names without --full
SUGGESTIONS = 5  # the suggested books without --full


def _summary(
    profile: Profile, catalog: Catalog, gaps: Mapping[str, Gap], labour: Mapping[str, tuple[Any, Any]]
) -> list[str]:
    """The first section: what the document holds, in a few lines a reader takes in at a glance."""
    from careercli.presenters.bls import median_cell

    skills = [catalog.skill_name(s) for s in profile.skills] + list(profile.custom_skills)
    shown = ", ".join(escape(s) for s in skills[:8]) + (f" and {len(skills) - 8} more" if len(skills) > 8 else "")
    lines = [f"**Skills:** {len(skills)} recorded: {shown}" if skills else "**Skills:** none recorded yet"]
    lines.append(f"**Bookmarks:** {len(profile.bookmarks)}" if profile.bookmarks else "**Bookmarks:** none yet")
    out = ["## Summary", "", *_list(lines)]
    for mark in profile.bookmarks:
        role = catalog.roles.get(mark.role)
        facts = [f"{escape(role.name) if role else code(mark.role)}"]
        gap = gaps.get(mark.role)
        if gap is not None:
            facts.append(f"{gap.coverage:.0%} of the key skills")
        pay, outlook = labour.get(mark.role, (None, None))
        if pay is not None:
            facts.append(f"median pay {escape(median_cell(pay))}")
        if outlook is not None and outlook.change_pct is not None:
            facts.append(f"{outlook.change_pct:+.1f} % jobs {outlook.base_year}–{outlook.projected_year}")
        if gap is not None and gap.plan:
            facts.append(f"first step: {escape(catalog.skill_name(gap.plan[0].skill))}")
        out.append("  - " + "; ".join(facts))
    counts = [f"{n} {label}" for s, label in (("reading", "reading"), ("want", "to read"), ("read", "read"))
              if (n := sum(r.status == s for r in profile.reading))]  # fmt: skip
    out.append("- **Reading list:** " + (", ".join(counts) if profile.reading else "empty"))
    return [*out, ""]


def _list(items: Iterable[str]) -> list[str]:
    return [f"- {item}" for item in items]


def profile_markdown(
    profile: Profile,
    catalog: Catalog,
    today: dt.date,
    version: str,
    gaps: Mapping[str, Gap],
    suggestions: Sequence[Book],
    labour: Mapping[str, tuple[Any, Any]] | None = None,
    full: bool = False,
) -> str:
    """The whole profile as a Markdown document: ``gaps`` holds the gap to each bookmarked role in the catalog,
    ``suggestions`` the books to suggest (both from ``queries.gap``), ``labour`` BLS (pay, outlook) of each
    bookmarked role or occupation that links to an occupation code.

    A summary comes first; each plan shows its first PLAN_STEPS steps and the count of the rest unless ``full``."""
    labour = labour or {}
    out = ["# My career profile", "", f"Exported by careercli {version} on {today.isoformat()}.", ""]
    out += _summary(profile, catalog, gaps, labour)

    out += ["## My skills", ""]
    if profile.skills or profile.custom_skills:
        names = [
            f"{escape(catalog.skill_name(s))} ({code(s)})" if s in catalog.skills else escape(s) for s in profile.skills
        ]
        names += [f"{escape(name)} (my own)" for name in profile.custom_skills]
        out += _list(names)
    else:
        out.append("No skills recorded yet.")
    out.append("")

    out += ["## Bookmarked roles", ""]
    if not profile.bookmarks:
        out += ["No bookmarks yet.", ""]
    for mark in profile.bookmarks:
        role = catalog.roles.get(mark.role)
        title = role.name if role else mark.role
        out += [f"### {one_line(title)}", ""]
        if role is None:
            out += [f"This role ({code(mark.role)}) is no longer in the catalog.", ""]
        else:
            out += [escape(role.summary), ""]
        details = [f"**Bookmarked:** {escape(mark.added or 'unknown date')}"]
        if mark.note:
            details.append(f"**My note:** {escape(mark.note)}")
        if mark.tags:
            details.append("**Tags:** " + ", ".join(escape(t) for t in mark.tags))
        if role is not None:
            gap = gaps[role.slug]
            owned = [escape(catalog.skill_name(s)) for s in gap.have]
            missing = [escape(catalog.skill_name(s)) for s in gap.missing]
            details.append(f"**Coverage:** {gap.coverage:.0%} of the key skills")
            details.append("**Skills I have:** " + (", ".join(owned) or "none yet"))
            more = f" and {len(missing) - SKILLS} more" if len(missing) > SKILLS and not full else ""
            details.append("**Skills to learn:** " + (", ".join(missing[: None if full else SKILLS]) or "none") + more)
        out += [*_list(details), ""]
        if mark.role in labour:
            from careercli.presenters.bls import markdown as labour_markdown

            subject = "occupation" if role is not None and role.slug == role.onet else "role"
            out += [labour_markdown(*labour[mark.role], level=4, subject=subject, full=False).rstrip("\n"), ""]
        if role is not None and role.challenges:
            out += ["#### Challenges", ""]
            out += _list(f"**{escape(c.title)}:** {escape(c.why)}" for c in role.challenges)
            out.append("")
        if role is not None and gap.plan:
            from careercli.presenters.plan import plan_markdown

            steps = plan_markdown(gap, catalog, escape)  # as `career plan`
            out += ["#### Learning plan", "", *(steps if full else steps[:PLAN_STEPS]), ""]
            if len(steps) > PLAN_STEPS and not full:
                rest = len(steps) - PLAN_STEPS
                out += [f"And {rest} more step{'s' if rest > 1 else ''}: {code('career plan ' + role.slug)} shows "
                        f"the whole plan, {code('career export --full')} puts it here.", ""]  # fmt: skip

    if labour:
        from careercli.presenters.bls import closing_markdown

        out += [closing_markdown(list(labour.values())).rstrip("\n"), ""]

    out += ["## Reading list", ""]
    if not profile.reading:
        out += ["Nothing on the reading list yet.", ""]
    for status, label in (("reading", "Reading"), ("want", "Want to read"), ("read", "Read")):
        entries = [r for r in profile.reading if r.status == status]
        if not entries:
            continue
        out += [f"### {label}", ""]
        for entry in entries:
            out.append("- " + _reading_line(entry, catalog.books.get(entry.book)))
        out.append("")

    out += ["## Suggested next books", ""]
    picks = list(suggestions)[: None if full else SUGGESTIONS]
    if picks:
        out += _list(
            _book_line(b) + " — for " + ", ".join(escape(catalog.roles[r].name) for r in b.roles if r in catalog.roles
                                                    and profile.bookmark(r))
            for b in picks
        )  # fmt: skip
    elif any(mark.role in catalog.roles for mark in profile.bookmarks):
        out.append("You have every book of your bookmarked roles on your list.")
    elif profile.bookmarks:
        out.append("None of your bookmarked roles is in the catalog any more; bookmark a role to get suggestions.")
    else:
        out.append("Bookmark a role to get suggestions.")
    out.append("")
    return "\n".join(out)


def role_markdown(role: Role, catalog: Catalog, books: Sequence[Book], labour: str | None = None) -> str:
    """One role as a Markdown page, with the same sections as the terminal page (``labour``: the pay and outlook
    section's Markdown, after what they do)."""

    def names(slugs: Iterable[str]) -> str:
        return ", ".join(f"{escape(catalog.roles[s].name)} ({code(s)})" for s in slugs if s in catalog.roles) or "none"

    out = [f"# {one_line(role.name)}", "", f"*{one_line(role.summary)}*", "", f"Category: {escape(role.category)}", ""]
    out += ["## What they do", "", escape(role.what_they_do.replace("\n", " ")), ""]
    if labour is not None:
        out += [labour.rstrip("\n"), ""]
    out += ["## What to learn", "", *_list(escape(item) for item in role.what_to_learn), ""]
    out += ["## Challenges", "", "| Challenge | Why it is hard |", "|---|---|"]
    out += [f"| {one_line(c.title)} | {one_line(c.why)} |" for c in role.challenges]  # a cell is one line
    out += ["", "## Career prospects", "", *_list(escape(item) for item in role.career_prospects), ""]
    out += [f"Next roles: {names(role.next_roles)}", "", f"Related roles: {names(role.related_roles)}", ""]
    out += ["## Key skills", "", ", ".join(escape(catalog.skill_name(s)) for s in role.key_skills), ""]
    out += ["## Recent books", ""]
    out += _list(_book_line(book) for book in books) if books else ["No books in the catalog for this role yet."]
    out.append("")
    return "\n".join(out)
