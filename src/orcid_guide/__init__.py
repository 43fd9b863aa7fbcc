"""orcid-guide: a bilingual ORCID/LUCRIS guide whose how-tos are executable tutorials."""
