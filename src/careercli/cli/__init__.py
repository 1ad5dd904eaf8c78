"""The Typer commands: parse, call the core, present, exit. No logic beyond wiring lives here."""
