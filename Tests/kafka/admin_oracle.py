"""kafka-python's admin client as an independent oracle for the cluster tests.

Usage: admin_oracle.py BOOTSTRAP [--group GROUP]... [--configs TOPIC]...
Prints one JSON object: {"topics": {name: partition count}, "groups": {group: {"topic-partition": offset}},
"configs": {topic: {name: value}}} for every non-internal topic, each named group's committed offsets
and each named topic's own (DYNAMIC_TOPIC_CONFIG) configs.
"""
import json
import sys

from kafka import KafkaAdminClient
from kafka.admin import ConfigResource, ConfigResourceType


def main(argv):
    bootstrap = argv[1]
    groups = [argv[i + 1] for i, arg in enumerate(argv) if arg == "--group"]
    config_topics = [argv[i + 1] for i, arg in enumerate(argv) if arg == "--configs"]
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000)
    try:
        names = [t for t in admin.list_topics() if not t.startswith("__")]
        topics = {t["name"]: len(t["partitions"]) for t in admin.describe_topics(names)} if names else {}
        committed = {}
        for group in groups:
            offsets = admin.list_group_offsets(group).get(group, {})
            committed[group] = {f"{tp.topic}-{tp.partition}": meta.offset for tp, meta in offsets.items() if meta.offset >= 0}
        configs = {}
        for topic in config_topics:
            described = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic)])
            entries = described["topic"][topic]
            configs[topic] = {name: entry["value"] for name, entry in entries.items()
                              if entry["config_source"] == "DYNAMIC_TOPIC_CONFIG"}
        print(json.dumps({"topics": topics, "groups": committed, "configs": configs}, sort_keys=True))
    finally:
        admin.close()


if __name__ == "__main__":
    main(sys.argv)
