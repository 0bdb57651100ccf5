"""A kafka-python consumer group member that consumes slower than its producer.

Usage: slow_group.py BOOTSTRAP TOPIC GROUP SECONDS_PER_RECORD LIFETIME_SECONDS
Joins GROUP, reads TOPIC from the earliest offset, sleeps SECONDS_PER_RECORD per record and
commits every 500 ms (auto-commit), for at most LIFETIME_SECONDS; prints "joined" once assigned.
"""
import sys
import time

from kafka import KafkaConsumer


def main(argv):
    bootstrap, topic, group, per_record, lifetime = argv[1], argv[2], argv[3], float(argv[4]), float(argv[5])
    consumer = KafkaConsumer(
        topic, bootstrap_servers=bootstrap, group_id=group, client_id=f"{group}-py",
        auto_offset_reset="earliest", enable_auto_commit=True, auto_commit_interval_ms=500,
        max_poll_records=5, session_timeout_ms=10000, heartbeat_interval_ms=1000)
    end = time.time() + lifetime
    announced = False
    try:
        while time.time() < end:
            batches = consumer.poll(timeout_ms=200)
            if consumer.assignment() and not announced:
                print("joined", flush=True)
                announced = True
            for records in batches.values():
                for _ in records:
                    time.sleep(per_record)
    finally:
        consumer.close()


if __name__ == "__main__":
    main(sys.argv)
