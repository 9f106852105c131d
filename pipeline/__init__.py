"""actualités → events: French news articles into Parquet tables of actors, funding events, quotes
and relations. The package layout follows the flow: ingest → nlp → extract → resolve → tables."""

__version__ = "0.1.0"
