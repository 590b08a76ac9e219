"""DOCX → findings: reading any DOCX with its formatting resolved, and the Decree 30 conformance rules."""
