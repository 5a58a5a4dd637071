"""tipcheck: fact-check claims about the U.S. Trafficking in Persons (TIP) Report."""

__version__ = "0.1.0"
