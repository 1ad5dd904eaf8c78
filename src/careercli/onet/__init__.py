"""O*NET occupations inside careercli: read a release, keep it as sqlite, open the one to use.

How a command uses it (the CLI layer; queries never open files)::

    from careercli.onet import bundled, db as onet_db
    from careercli.queries import occupations as occ

    conn = bundled.current()               # user's import, else the bundled extract (cached); None if neither
    if conn is not None:
        matches = occ.find(conn, "cloud engineer")        # by code (15-1252.00, 15-1252), title, other titles
        page = occ.detail(conn, matches[0].code, skills=occ.skill_index(catalog_skill_names))
        hits = occ.search(conn, "kubernetes")              # words in titles and alternate titles
        rows = occ.by_group(conn, "15")                    # a SOC major group
        # presenters.occupation_facts: section(page, curated_codes), as_json(page), markdown(page);
        # page.credit is the line

Import (``career data import-onet``): ``with Release(path) as r: onet_db.build(r, onet_db.user_db_path())``.
"""
