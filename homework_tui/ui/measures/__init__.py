"""The Measures section: the PHQ-9 and GAD-7 questionnaires, their results and trend."""
