"""A real Kafka client against a listener, for KafkaListenerTests: one command, JSON out.

    client.py LIB BOOTSTRAP metadata                  -> {"topic": partition count, ...}
    client.py LIB BOOTSTRAP read TOPIC PARTITION N    -> N lines {"offset", "key", "value"} from the beginning
    client.py LIB BOOTSTRAP produce TOPIC N [CODEC]   -> {"produced": [[key, partition, offset], ...], "read_back": [...]}

LIB is kafka-python or confluent-kafka. Every wait is bounded; a failure exits 1 with a message.
"""
import json
import sys
import time

LIB, BOOTSTRAP, COMMAND, ARGS = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
CODEC = ARGS[2] if COMMAND == "produce" and len(ARGS) > 2 else None  # compression: gzip, …
DEADLINE = time.time() + 40


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def text(raw):
    return None if raw is None else raw.decode("utf-8", "replace")


if LIB == "kafka-python":
    from kafka import KafkaConsumer, KafkaProducer, TopicPartition

    def metadata():
        consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, client_id="kp-metadata")
        topics = {t: len(consumer.partitions_for_topic(t) or []) for t in consumer.topics()}
        consumer.close()
        return topics

    def read(topic, partition, start, count):
        consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, client_id="kp-reader", enable_auto_commit=False)
        tp = TopicPartition(topic, partition)
        consumer.assign([tp])
        if start is None:
            consumer.seek_to_beginning(tp)
        else:
            consumer.seek(tp, start)
        out = []
        while len(out) < count and time.time() < DEADLINE:
            for records in consumer.poll(timeout_ms=500).values():
                out += [{"offset": r.offset, "key": text(r.key), "value": text(r.value)} for r in records]
        consumer.close()
        return out[:count]

    def produce(topic, count):
        # The default producer: idempotent, acks=all (InitProducerId first).
        producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, client_id="kp-producer", compression_type=CODEC)
        futures = [(f"k-{i}", producer.send(topic, key=f"k-{i}".encode(), value=json.dumps({"n": i, "by": LIB}).encode()))
                   for i in range(count)]
        producer.flush(timeout=20)
        produced = []
        for key, future in futures:
            meta = future.get(timeout=20)
            produced.append([key, meta.partition, meta.offset])
        producer.close()
        return produced

elif LIB == "confluent-kafka":
    from confluent_kafka import Consumer, Producer, TopicPartition, OFFSET_BEGINNING

    def metadata():
        consumer = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": "unused", "client.id": "ck-metadata"})
        topics = {name: len(t.partitions) for name, t in consumer.list_topics(timeout=20).topics.items()}
        consumer.close()
        return topics

    def read(topic, partition, start, count):
        consumer = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": "unused", "client.id": "ck-reader",
                             "enable.auto.commit": False})
        consumer.assign([TopicPartition(topic, partition, OFFSET_BEGINNING if start is None else start)])
        out = []
        while len(out) < count and time.time() < DEADLINE:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                fail(f"consume error: {message.error()}")
            out.append({"offset": message.offset(), "key": text(message.key()), "value": text(message.value())})
        consumer.close()
        return out[:count]

    def produce(topic, count):
        producer = Producer({"bootstrap.servers": BOOTSTRAP, "client.id": "ck-producer", "linger.ms": 5,
                             "compression.type": CODEC or "none"})
        produced = {}

        def delivered(error, message):
            if error:
                fail(f"delivery failed: {error}")
            produced[text(message.key())] = [text(message.key()), message.partition(), message.offset()]

        for i in range(count):
            producer.produce(topic, key=f"k-{i}", value=json.dumps({"n": i, "by": LIB}), on_delivery=delivered)
        if producer.flush(20) != 0:
            fail("flush timed out")
        return [produced[f"k-{i}"] for i in range(count)]

else:
    fail(f"unknown client library {LIB}")

if COMMAND == "metadata":
    print(json.dumps(metadata(), sort_keys=True))
elif COMMAND == "read":
    for line in read(ARGS[0], int(ARGS[1]), None, int(ARGS[2])):
        print(json.dumps(line))
elif COMMAND == "produce":
    produced = produce(ARGS[0], int(ARGS[1]))
    back = []
    for key, partition, offset in produced:
        record = read(ARGS[0], partition, offset, 1)
        back.append(record[0] if record else None)
    print(json.dumps({"produced": produced, "read_back": back}))
else:
    fail(f"unknown command {COMMAND}")
