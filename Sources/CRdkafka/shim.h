#ifndef STREAMSTAGE_CRDKAFKA_SHIM_H
#define STREAMSTAGE_CRDKAFKA_SHIM_H

// librdkafka's C API (Debian's librdkafka-dev) and its in-process mock cluster.
#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

// Macros Swift cannot import, as constants and functions.
static const int64_t SS_RD_KAFKA_OFFSET_BEGINNING = RD_KAFKA_OFFSET_BEGINNING;
static const int64_t SS_RD_KAFKA_OFFSET_END = RD_KAFKA_OFFSET_END;
static const int64_t SS_RD_KAFKA_OFFSET_INVALID = RD_KAFKA_OFFSET_INVALID;
static const int32_t SS_RD_KAFKA_PARTITION_UA = RD_KAFKA_PARTITION_UA;
static const int SS_RD_KAFKA_MSG_F_COPY = RD_KAFKA_MSG_F_COPY;
static const int SS_RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE = RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE;

/// rd_kafka_producev is variadic; this produces one copied record with an optional key and an
/// explicit or unassigned partition, and a per-message opaque for the delivery report.
static inline rd_kafka_resp_err_t ss_produce(rd_kafka_t *rk, const char *topic, int32_t partition,
                                             const void *key, size_t key_len,
                                             const void *value, size_t value_len,
                                             int64_t timestamp, void *opaque) {
    return rd_kafka_producev(rk,
                             RD_KAFKA_V_TOPIC(topic),
                             RD_KAFKA_V_PARTITION(partition),
                             RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                             RD_KAFKA_V_KEY(key, key_len),
                             RD_KAFKA_V_VALUE((void *)value, value_len),
                             RD_KAFKA_V_TIMESTAMP(timestamp),
                             RD_KAFKA_V_OPAQUE(opaque),
                             RD_KAFKA_V_END);
}

/// ss_produce with headers: `headers` (from rd_kafka_headers_new) is librdkafka's on success and
/// destroyed here on failure.
static inline rd_kafka_resp_err_t ss_produce_with_headers(rd_kafka_t *rk, const char *topic, int32_t partition,
                                                          const void *key, size_t key_len,
                                                          const void *value, size_t value_len,
                                                          int64_t timestamp, rd_kafka_headers_t *headers,
                                                          void *opaque) {
    rd_kafka_resp_err_t err = rd_kafka_producev(rk,
                                                RD_KAFKA_V_TOPIC(topic),
                                                RD_KAFKA_V_PARTITION(partition),
                                                RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                                RD_KAFKA_V_KEY(key, key_len),
                                                RD_KAFKA_V_VALUE((void *)value, value_len),
                                                RD_KAFKA_V_TIMESTAMP(timestamp),
                                                RD_KAFKA_V_HEADERS(headers),
                                                RD_KAFKA_V_OPAQUE(opaque),
                                                RD_KAFKA_V_END);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) rd_kafka_headers_destroy(headers);
    return err;
}

#endif