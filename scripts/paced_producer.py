"""Produces 100-byte records at a steady rate to a topic until the time is up (for live-cpu-listening.sh).

    paced_producer.py BOOTSTRAP TOPIC RECORDS_PER_SECOND SECONDS

Waits (bounded, 10 s) for the listener to come up; produces in 1 ms slices with acks=1.
"""
import sys
import time

from confluent_kafka import KafkaException, Producer

bootstrap, topic, rate, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
producer = Producer({"bootstrap.servers": bootstrap, "acks": 1, "linger.ms": 5, "client.id": "paced-producer"})
deadline = time.time() + 10
while True:
    try:
        producer.list_topics(timeout=1)
        break
    except KafkaException:
        if time.time() > deadline:
            sys.exit(f"paced_producer: nothing answers on {bootstrap}")
per_slice = max(1, rate // 1000)
start = time.perf_counter()
sent = 0
while time.perf_counter() - start < seconds:
    pause = start + sent / rate - time.perf_counter()
    if pause > 0:
        time.sleep(pause)
    for _ in range(per_slice):
        producer.produce(topic, b"x" * 100)
    sent += per_slice
    producer.poll(0)
producer.flush(10)
