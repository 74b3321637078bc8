"""The JSON-persisted logistic-regression classifier predicts as it did trained."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource

from bot.rasa.intent_classifier import MODEL_FILE, JsonLogisticRegressionClassifier


def test_persisted_model_round_trips_without_pickle(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("intent_classifier")
    context = ExecutionContext(GraphSchema({}), node_name="intent_classifier")
    config = {**JsonLogisticRegressionClassifier.get_default_config()}
    trained = JsonLogisticRegressionClassifier(
        config, "intent_classifier", storage, resource
    )
    features = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]] * 4)
    labels = np.array(["greet", "deny", "affirm"] * 4)
    trained.clf.fit(features, labels)
    trained.persist()

    with storage.read_from(resource) as folder:
        assert (folder / MODEL_FILE).read_text().startswith("{")
    loaded = JsonLogisticRegressionClassifier.load(config, storage, resource, context)
    assert (loaded.clf.predict(features) == trained.clf.predict(features)).all()
    assert np.allclose(
        loaded.clf.predict_proba(features), trained.clf.predict_proba(features)
    )
