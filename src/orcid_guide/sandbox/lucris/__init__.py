"""Mock LUCRIS: Leiden's Elsevier Pure as the guide's LUCRIS steps need it."""
