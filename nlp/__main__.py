"""``python -m nlp`` runs the msa command line."""

from nlp.cli import main

if __name__ == "__main__":
    main()
