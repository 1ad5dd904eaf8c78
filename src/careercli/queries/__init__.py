"""Pure functions over the catalog (and the profile's data): no printing, no file access."""
