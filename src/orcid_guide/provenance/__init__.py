"""Where the labels the tutorials quote come from on the real sites, and a watch on ORCID's code for changes."""
