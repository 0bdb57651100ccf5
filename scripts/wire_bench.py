"""The wire bench's client side: one confluent-kafka load against one broker, JSON out.

    wire_bench.py BOOTSTRAP BROKER_PID [RECORDS]

1. produce RECORDS (default 1 000 000) records of 100 bytes to topic `bench` (linger.ms=5,
   acks=1, batching producer), until every delivery report is in;
2. fetch them all back (assign every partition from the beginning);
3. produce at 10 000 records/s (10 a millisecond) for 5 s with acks=1 and linger.ms=0: the
   latency librdkafka measures from produce() to the delivery report, p50 and p99.
Each phase reports records/s, MB/s, the client's CPU (user+sys of this process, % of one core)
and the broker's (from /proc/BROKER_PID/stat, % of one core).
"""
import json
import os
import resource
import sys
import time

from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING

BOOTSTRAP, BROKER_PID = sys.argv[1], int(sys.argv[2])
RECORDS = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
TOPIC, PARTITIONS, VALUE = "bench", 6, b"x" * 100
TICKS = os.sysconf("SC_CLK_TCK")


def broker_cpu():
    fields = open(f"/proc/{BROKER_PID}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def client_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Phase:
    def __enter__(self):
        self.wall, self.client, self.broker = time.perf_counter(), client_cpu(), broker_cpu()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.wall
        self.client_pct = 100 * (client_cpu() - self.client) / self.seconds
        self.broker_pct = 100 * (broker_cpu() - self.broker) / self.seconds

    def report(self, name, records, **extra):
        return dict(phase=name, records=records, seconds=round(self.seconds, 3), records_per_s=round(records / self.seconds),
                    mb_per_s=round(records * len(VALUE) / self.seconds / 1e6, 1), client_cpu_pct=round(self.client_pct),
                    broker_cpu_pct=round(self.broker_pct), **extra)


def produce_all():
    producer = Producer({"bootstrap.servers": BOOTSTRAP, "linger.ms": 5, "acks": 1, "client.id": "wire-bench",
                         "queue.buffering.max.messages": 2_000_000, "queue.buffering.max.kbytes": 1_048_576})
    failed = []
    done = [0]

    def delivered(error, _message):
        done[0] += 1
        if error:
            failed.append(str(error))

    with Phase() as phase:
        for i in range(RECORDS):
            while True:
                try:
                    producer.produce(TOPIC, VALUE, key=str(i % 1000).encode(), on_delivery=delivered)
                    break
                except BufferError:
                    producer.poll(0.001)
            if i % 10_000 == 0:
                producer.poll(0)
        if producer.flush(120) != 0 or failed or done[0] != RECORDS:
            sys.exit(f"produce failed: {done[0]} of {RECORDS} delivered, {failed[:3]}")
    return phase.report("produce", RECORDS)


def fetch_all():
    consumer = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": "wire-bench", "enable.auto.commit": False,
                         "client.id": "wire-bench-fetch", "fetch.max.bytes": 52_428_800})
    consumer.assign([TopicPartition(TOPIC, p, OFFSET_BEGINNING) for p in range(PARTITIONS)])
    read = 0
    with Phase() as phase:
        deadline = time.time() + 300
        while read < RECORDS and time.time() < deadline:
            for message in consumer.consume(num_messages=10_000, timeout=1.0):
                if message.error():
                    sys.exit(f"fetch failed: {message.error()}")
                read += 1
    consumer.close()
    if read < RECORDS:
        sys.exit(f"fetch read {read} of {RECORDS}")
    return phase.report("fetch", read)


def paced_latency(rate=10_000, seconds=5):
    latencies = []

    def delivered(error, message):
        if error:
            sys.exit(f"paced produce failed: {error}")
        latencies.append(message.latency())  # librdkafka's own: produce() to delivery report

    producer = Producer({"bootstrap.servers": BOOTSTRAP, "linger.ms": 0, "acks": 1, "client.id": "wire-bench-paced",
                         "on_delivery": delivered})
    total = rate * seconds
    per_slice = rate // 1000  # one slice a millisecond
    with Phase() as phase:
        start = time.perf_counter()
        for i in range(0, total, per_slice):
            pause = start + i / rate - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            for _ in range(per_slice):
                producer.produce(TOPIC, VALUE)
            producer.poll(0)
        producer.flush(30)
    latencies.sort()
    pick = lambda q: round(1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))], 2)
    return phase.report("produce 10k/s acks=1", len(latencies), p50_ms=pick(0.50), p99_ms=pick(0.99))


for result in (produce_all(), fetch_all(), paced_latency()):
    print(json.dumps(result), flush=True)
