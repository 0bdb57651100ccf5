"""kafka-python's view of a group's lag: committed offsets and end offsets read together.

Usage: lag_oracle.py BOOTSTRAP GROUP
Prints one JSON object: {"lag": total, "partitions": {"topic-partition": {"committed": c, "end": e}},
"groups": [every group id on the cluster]} with the group's committed offsets (admin client) and
each committed partition's end offset.
"""
import json
import sys

from kafka import KafkaAdminClient, KafkaConsumer


def main(argv):
    bootstrap, group = argv[1], argv[2]
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=10000)
    reader = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        committed = {tp: meta.offset for tp, meta in admin.list_group_offsets(group).get(group, {}).items() if meta.offset >= 0}
        ends = reader.end_offsets(list(committed)) if committed else {}
        partitions = {f"{tp.topic}-{tp.partition}": {"committed": committed[tp], "end": ends[tp]} for tp in committed}
        total = sum(max(0, p["end"] - p["committed"]) for p in partitions.values())
        groups = sorted(g["group_id"] for g in admin.list_groups())
        print(json.dumps({"lag": total, "partitions": partitions, "groups": groups}, sort_keys=True))
    finally:
        reader.close()
        admin.close()


if __name__ == "__main__":
    main(sys.argv)
