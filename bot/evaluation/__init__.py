"""Evaluation of BackChat's safety decisions on data kept out of training."""
