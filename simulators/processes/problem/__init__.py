"""Problem management: the problem table, its lifecycle, known errors and links to incidents."""
