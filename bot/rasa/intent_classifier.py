"""Rasa adapter: Rasa's logistic-regression intent classifier, saved as JSON.

Rasa 3.6.21 saves the scikit-learn model with skops, and importing skops scans
scikit-learn's modules for its list of trusted types: about 11 s of the Rasa
server's cold start on these machines (py-spy, ``python -m bench --profile``).
The fitted model is three arrays, so this subclass saves them as JSON and
rebuilds the estimator on load; training and prediction stay Rasa's.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.logistic_regression_classifier import (
    LogisticRegressionClassifier,
)
from sklearn.linear_model import LogisticRegression

MODEL_FILE = "logistic_regression.json"


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True
)
class JsonLogisticRegressionClassifier(LogisticRegressionClassifier):
    """``LogisticRegressionClassifier`` persisted without skops."""

    def persist(self) -> None:
        """Save the fitted arrays and parameters as JSON."""
        with self._model_storage.write_to(self._resource) as model_dir:
            (model_dir / MODEL_FILE).write_text(
                json.dumps(
                    {
                        "params": self.clf.get_params(),
                        "classes": self.clf.classes_.tolist(),
                        "coef": self.clf.coef_.tolist(),
                        "intercept": self.clf.intercept_.tolist(),
                    }
                )
            )

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> JsonLogisticRegressionClassifier:
        """Rebuild the fitted estimator from JSON (no pickle, no skops)."""
        component = cls(config, execution_context.node_name, model_storage, resource)
        with model_storage.read_from(resource) as model_dir:
            data = json.loads((model_dir / MODEL_FILE).read_text())
        clf = LogisticRegression(**data["params"])
        clf.classes_ = np.array(data["classes"])
        clf.coef_ = np.array(data["coef"])
        clf.intercept_ = np.array(data["intercept"])
        clf.n_features_in_ = clf.coef_.shape[1]
        component.clf = clf
        return component
