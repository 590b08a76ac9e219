"""Decree 30/2020/NĐ-CP rules as pure functions and constants; each cites its clause in spec/nd30.md."""
