"""The ITSM processes a desk runs, one package each, and the catalogue that lists them."""
