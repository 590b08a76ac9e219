"""``python -m docgen``: the same commands as the ``docgen`` console script."""
from docgen.cli.main import chay

if __name__ == "__main__":
    chay()
