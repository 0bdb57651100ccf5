"""Real Kafka clients in consumer groups against a listener, for KafkaListenerTests: JSON out.

    group.py BOOTSTRAP create TOPIC PARTITIONS          -> {"created": TOPIC}
    group.py BOOTSTRAP produce TOPIC N                  -> {"produced": N}   (keys k-0 … k-N-1)
    group.py BOOTSTRAP consume LIB GROUP TOPIC N        -> {"records": [[partition, offset, key], ...], "committed": true}
    group.py BOOTSTRAP assigned GROUP TOPIC PARTITION N -> {"committed": next offset}  (confluent-kafka assign(),
                                                           N records, commit from outside the group)
    group.py BOOTSTRAP offsets GROUP                    -> {"TOPIC-PARTITION": offset, ...}   (kafka-python admin
                                                           list_group_offsets: OffsetFetch for every partition)
    group.py BOOTSTRAP member LIB GROUP TOPIC SECONDS CLIENT_ID [STRATEGY]
        -> one line {"assignment": ["TOPIC-P", ...]} each time the assignment changes, polling for SECONDS
           (STRATEGY: confluent-kafka's partition.assignment.strategy, e.g. cooperative-sticky)

LIB is kafka-python or confluent-kafka; consumers join with session.timeout.ms=6000 so joins and
evictions are quick. Every wait is bounded; a failure exits 1 with a message on stderr.
"""
import json
import sys
import time

BOOTSTRAP, COMMAND, ARGS = sys.argv[1], sys.argv[2], sys.argv[3:]
DEADLINE = time.time() + 45


def fail(message):
    print(message, file=sys.stderr)
    sys.exit(1)


def out(obj):
    print(json.dumps(obj), flush=True)


def consumer(lib, group, topic, client_id, strategy=None):
    """A subscribed consumer: (poll(seconds) -> [(partition, offset, key)], assignment() -> [str], commit(), close())."""
    if lib == "kafka-python":
        from kafka import KafkaConsumer
        c = KafkaConsumer(topic, bootstrap_servers=BOOTSTRAP, group_id=group, client_id=client_id,
                          auto_offset_reset="earliest", enable_auto_commit=False,
                          session_timeout_ms=6000, heartbeat_interval_ms=1000)

        def poll(seconds):
            got = []
            for records in c.poll(timeout_ms=int(seconds * 1000)).values():
                got += [(r.partition, r.offset, r.key.decode() if r.key else None) for r in records]
            return got
        return poll, lambda: sorted(f"{tp.topic}-{tp.partition}" for tp in c.assignment()), lambda: c.commit(), c.close
    from confluent_kafka import Consumer
    c = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": group, "client.id": client_id,
                  "auto.offset.reset": "earliest", "enable.auto.commit": False,
                  "session.timeout.ms": 6000, "heartbeat.interval.ms": 1000,
                  **({"partition.assignment.strategy": strategy} if strategy else {})})
    c.subscribe([topic])

    def poll(seconds):
        got = []
        for m in c.consume(num_messages=500, timeout=seconds):
            if m.error():
                fail(f"consume error: {m.error()}")
            got.append((m.partition(), m.offset(), m.key().decode() if m.key() else None))
        return got
    return (poll, lambda: sorted(f"{tp.topic}-{tp.partition}" for tp in c.assignment()),
            lambda: c.commit(asynchronous=False), c.close)


if COMMAND == "create":
    from kafka.admin import KafkaAdminClient, NewTopic
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP, client_id="kp-admin")
    admin.create_topics([NewTopic(ARGS[0], int(ARGS[1]), 1)])
    admin.close()
    out({"created": ARGS[0]})
elif COMMAND == "produce":
    from kafka import KafkaProducer
    producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, client_id="kp-producer")
    for i in range(int(ARGS[1])):
        producer.send(ARGS[0], key=f"k-{i}".encode(), value=json.dumps({"n": i}).encode())
    producer.flush(timeout=20)
    producer.close()
    out({"produced": int(ARGS[1])})
elif COMMAND == "consume":
    lib, group, topic, count = ARGS[0], ARGS[1], ARGS[2], int(ARGS[3])
    poll, _, commit, close = consumer(lib, group, topic, f"{lib}-{group}")
    records = []
    while len(records) < count and time.time() < DEADLINE:
        records += poll(0.5)
    # A little longer: anything past `count` would be a duplicate or a stray.
    records += poll(1.0)
    commit()
    close()
    out({"records": sorted(records), "committed": True})
elif COMMAND == "assigned":
    from confluent_kafka import Consumer, TopicPartition
    group, topic, partition, count = ARGS[0], ARGS[1], int(ARGS[2]), int(ARGS[3])
    c = Consumer({"bootstrap.servers": BOOTSTRAP, "group.id": group, "client.id": "ck-assigned", "enable.auto.commit": False})
    c.assign([TopicPartition(topic, partition, 0)])
    got = []
    while len(got) < count and time.time() < DEADLINE:
        got += [m for m in c.consume(num_messages=count - len(got), timeout=0.5) if not m.error()]
    c.commit(message=got[-1], asynchronous=False)
    c.close()
    out({"committed": got[-1].offset() + 1})
elif COMMAND == "offsets":
    from kafka.admin import KafkaAdminClient
    admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP, client_id="kp-admin")
    # kafka-python 3's name for the admin OffsetFetch (all partitions: topics null, v2+).
    offsets = admin.list_group_offsets(ARGS[0])[ARGS[0]]
    admin.close()
    out({f"{tp.topic}-{tp.partition}": meta.offset for tp, meta in sorted(offsets.items())})
elif COMMAND == "member":
    lib, group, topic, seconds, client_id = ARGS[0], ARGS[1], ARGS[2], float(ARGS[3]), ARGS[4]
    poll, assignment, _, close = consumer(lib, group, topic, client_id, ARGS[5] if len(ARGS) > 5 else None)
    end, last = time.time() + seconds, None
    while time.time() < end:
        poll(0.2)
        now = assignment()
        if now != last:
            out({"assignment": now})
            last = now
    close()
else:
    fail(f"unknown command {COMMAND}")
