"""Behavioural activation: plan activities, tick them off, see the week and the mood pattern."""
