package kr.co.pg.settlement.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI catalogue (src/main/resources/asyncapi) against the code: the same topics as {@link Topics}, the same
 * topic settings, consumer groups of {@link ConsumerGroups}, and payload schemas that the JSON {@link EventJson}
 * actually writes validates against - and that a broken payload does not.
 */
class AsyncApiCatalogueTest {

    static final String CATALOGUE = "/asyncapi/settlement-events.asyncapi.yaml";
    private static final String DLT_PREFIX = "settlement.dlt.";

    private static JsonNode doc;
    private static SchemaRegistry registry;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiCatalogueTest.class.getResourceAsStream(CATALOGUE)) {
            assertThat(in).as("catalogue on the class path at " + CATALOGUE).isNotNull();
            doc = new YAMLMapper().readTree(in);
        }
        // AsyncAPI 3.0's default schema format is a superset of JSON Schema draft 7
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");
        assertThat(doc.path("defaultContentType").asString()).isEqualTo("application/json");
    }

    @Test
    void listsExactlyTheTopicsOfTopicsWithTheirSettings() throws IllegalAccessException {
        Set<String> constants = new TreeSet<>();
        for (Field f : Topics.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                constants.add((String) f.get(null));
            }
        }
        Set<String> inAll = Topics.all().stream().map(Topics.TopicSpec::name).collect(Collectors.toCollection(TreeSet::new));
        assertThat(inAll).as("Topics.all() against the topic constants of Topics").isEqualTo(constants);

        Map<String, JsonNode> channels = channelsByAddress();
        assertThat(new TreeSet<>(channels.keySet()))
                .as("channel addresses of %s against Topics.all(): add/remove the channel in the catalogue", CATALOGUE)
                .isEqualTo(inAll);

        for (Topics.TopicSpec spec : Topics.all()) {
            JsonNode channel = channels.get(spec.name());
            JsonNode kafka = channel.path("bindings").path("kafka");
            String where = "channel " + spec.name();
            assertThat(kafka.path("topic").asString()).as(where + " bindings.kafka.topic").isEqualTo(spec.name());
            assertThat(kafka.path("partitions").asInt()).as(where + " partitions").isEqualTo(spec.partitions());
            assertThat(kafka.path("replicas").asInt()).as(where + " replicas").isEqualTo(3);
            assertThat(kafka.path("topicConfiguration").path("retention.ms").asLong()).as(where + " retention.ms")
                    .isEqualTo(Topics.RETENTION.toMillis());
            assertThat(kafka.path("topicConfiguration").path("max.message.bytes").asInt())
                    .as(where + " max.message.bytes").isEqualTo(Topics.MAX_MESSAGE_BYTES);
            JsonNode topic = channel.path("x-settlement").path("topic");
            assertThat(topic.path("partitions").asInt()).as(where + " x-settlement.topic.partitions")
                    .isEqualTo(spec.partitions());
            assertThat(topic.path("replicationFactor").asInt()).as(where).isEqualTo(3);
            assertThat(topic.path("minInsyncReplicas").asInt()).as(where).isEqualTo(2);
            assertThat(topic.path("retentionDays").asLong()).as(where).isEqualTo(Topics.RETENTION.toDays());
            assertThat(channel.path("x-settlement").path("producers").isArray()
                    && !channel.path("x-settlement").path("producers").isEmpty()).as(where + " names its producers").isTrue();
        }
    }

    @Test
    void consumerGroupsAreThoseOfConsumerGroupsAndEveryOneIsUsed() throws IllegalAccessException {
        Set<String> declared = new TreeSet<>();
        for (Field f : ConsumerGroups.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                declared.add((String) f.get(null));
            }
        }
        Set<String> inChannels = new TreeSet<>();
        channelsByAddress().values().forEach(c -> c.path("x-settlement").path("consumerGroups").propertyNames()
                .forEach(inChannels::add));
        Set<String> inOperations = new TreeSet<>();
        for (JsonNode op : doc.path("operations")) {
            if ("receive".equals(op.path("action").asString())) {
                JsonNode groups = op.path("bindings").path("kafka").path("groupId").path("enum");
                assertThat(groups.isArray() && groups.size() == 1).as("receive operation names one group: " + op).isTrue();
                inOperations.add(groups.get(0).asString());
            }
        }
        assertThat(inChannels).isEqualTo(declared);
        assertThat(inOperations).isEqualTo(declared);
    }

    @Test
    void everyEventRecordOfThePackageIsCatalogued() throws Exception {
        Set<String> catalogued = new TreeSet<>();
        for (JsonNode message : doc.path("components").path("messages")) {
            if (message.has("x-event-class")) {
                catalogued.add(message.path("x-event-class").asString());
            }
        }
        Set<String> eventRecords = new TreeSet<>();
        for (Class<?> type : classesOfEventsPackage()) {
            if (type.isRecord() && SettlementEvent.class.isAssignableFrom(type)) {
                eventRecords.add(type.getName());
            }
        }
        assertThat(eventRecords).as("event records of kr.co.pg.settlement.events").isNotEmpty();
        assertThat(catalogued).as("x-event-class of the catalogue's messages").isEqualTo(eventRecords);
    }

    @Test
    void aSampleOfEveryEventSerialisedByEventJsonValidatesAgainstItsSchema() throws Exception {
        int checked = 0;
        for (Map.Entry<String, JsonNode> channel : channelsByAddress().entrySet()) {
            if (channel.getKey().startsWith(DLT_PREFIX)) {
                continue;
            }
            JsonNode message = messageOf(channel.getValue());
            Class<?> type = Class.forName(message.path("x-event-class").asString());
            JsonNode payloadSchema = message.path("payload");
            String where = channel.getKey() + " / " + type.getSimpleName();

            JsonNode full = EventJson.mapper().readTree(EventJson.write(EventSamples.sample(type, Set.of())));
            assertThat(errors(payloadSchema, full)).as(where + ": sample " + full).isEmpty();
            assertSameFieldNames(where, resolve(payloadSchema), full);

            // every field the schema calls nullable may really be null
            Set<String> nullable = nullableFieldNames(resolve(payloadSchema));
            JsonNode withNulls = EventJson.mapper().readTree(EventJson.write(EventSamples.sample(type, nullable)));
            assertThat(errors(payloadSchema, withNulls)).as(where + ": sample with nulls " + withNulls).isEmpty();

            // the Kafka key is the event's key(); inline, because AsyncAPI's Kafka binding takes a Schema or a
            // Reference (oneOf) and a {$ref} would be both - the official 3.0.0 JSON Schema rejects it
            Object sample = EventSamples.sample(type, Set.of());
            JsonNode keySchema = message.path("bindings").path("kafka").path("key");
            assertThat(keySchema.isObject() && !keySchema.has("$ref")).as(where + " key schema inline").isTrue();
            assertThat(errors(keySchema, EventJson.mapper().valueToTree(((SettlementEvent) sample).key())))
                    .as(where + " key").isEmpty();
            checked++;
        }
        assertThat(checked).as("channels with an event type").isEqualTo(Topics.all().size() - 3);
    }

    @Test
    void everyMessageDeclaresTheThreeHeadersAndTheEventTypeIsTheSimpleClassName() throws Exception {
        for (Map.Entry<String, JsonNode> channel : channelsByAddress().entrySet()) {
            JsonNode message = messageOf(channel.getValue());
            JsonNode headers = resolve(message.path("headers"));
            for (String header : List.of(EventHeaders.EVENT_ID, EventHeaders.EVENT_TYPE, EventHeaders.BUSINESS_DATE)) {
                assertThat(headers.path("properties").has(header)).as(channel.getKey() + " header " + header).isTrue();
            }
            if (channel.getKey().startsWith(DLT_PREFIX)) {
                continue;
            }
            String simpleName = Class.forName(message.path("x-event-class").asString()).getSimpleName();
            ObjectNode good = EventJson.mapper().createObjectNode()
                    .put(EventHeaders.EVENT_ID, "e-1")
                    .put(EventHeaders.EVENT_TYPE, simpleName)
                    .put(EventHeaders.BUSINESS_DATE, "2026-11-24");
            assertThat(errors(message.path("headers"), good)).as(channel.getKey() + " headers " + good).isEmpty();
            ObjectNode badDate = good.deepCopy().put(EventHeaders.BUSINESS_DATE, "24/11/2026");
            assertThat(errors(message.path("headers"), badDate)).as(channel.getKey() + " bad businessDate header")
                    .isNotEmpty();
        }
    }

    @Test
    void theDeadLetterTopicsCarryTheOriginalRecordWithItsReason() {
        Map<String, JsonNode> channels = channelsByAddress();
        for (String dlt : List.of(Topics.DLT_COLLECTOR, Topics.DLT_GATEWAY, Topics.DLT_POLLER)) {
            JsonNode message = messageOf(channels.get(dlt));
            assertThat(message.path("name").asString()).as(dlt).isEqualTo("DeadLetter");
            assertThat(message.path("headers").path("properties").has("kafka_dlt-original-topic")).as(dlt).isTrue();
        }
    }

    // --- the schemas can fail ---

    @Test
    void aMissingRequiredFieldFailsValidation() {
        JsonNode schema = payloadSchemaOf(FileSubmitted.class);
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(
                EventJson.write(EventSamples.sample(FileSubmitted.class, Set.of())));
        assertThat(errors(schema, event)).isEmpty();
        event.remove("receiptNo");
        assertThat(errors(schema, event)).extracting(Error::toString).anySatisfy(m -> assertThat(m).contains("receiptNo"));
    }

    @Test
    void aWrongTypeFailsValidation() {
        JsonNode schema = payloadSchemaOf(SettlementFileRequested.class);
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(
                EventJson.write(EventSamples.sample(SettlementFileRequested.class, Set.of())));
        ((ObjectNode) event.path("records").get(0)).put("amount", "10000");
        assertThat(errors(schema, event)).extracting(Error::toString).anySatisfy(m -> assertThat(m).contains("amount"));

        ObjectNode floatMoney = (ObjectNode) EventJson.mapper().readTree(
                EventJson.write(EventSamples.sample(SettlementFileRequested.class, Set.of())));
        ((ObjectNode) floatMoney.path("records").get(0)).put("expectedDifference", 190.5);
        assertThat(errors(schema, floatMoney)).as("money is an integer").isNotEmpty();
    }

    @Test
    void aFullCardNumberOrAnUnknownFieldFailsValidation() {
        JsonNode schema = payloadSchemaOf(SettlementFileRequested.class);
        ObjectNode event = (ObjectNode) EventJson.mapper().readTree(
                EventJson.write(EventSamples.sample(SettlementFileRequested.class, Set.of())));
        ((ObjectNode) event.path("records").get(0)).put("maskedCardNo", "1234567812345678");
        assertThat(errors(schema, event)).isNotEmpty();

        ObjectNode extra = (ObjectNode) EventJson.mapper().readTree(
                EventJson.write(EventSamples.sample(FileFailed.class, Set.of())));
        extra.put("notInTheCatalogue", 1);
        assertThat(errors(payloadSchemaOf(FileFailed.class), extra)).isNotEmpty();
    }

    @Test
    void aKickoffWithAnUnknownJobOrBadDateFailsLikeTheParserDoes() {
        JsonNode schema = payloadSchemaOf(KickoffRequested.class);
        JsonNode contractExample = EventJson.mapper().readTree("""
                {"kickoffId":"0b6f3c1e-5d7a-4b0e-9a51-2f3c8e9d1a77","job":"DIFF_SETTLEMENT_REQUEST",
                 "businessDate":"2026-11-24","requestedAt":"2026-11-24T07:15:00+09:00","requestedBy":"scheduler"}""");
        assertThat(errors(schema, contractExample)).isEmpty();
        assertThat(errors(schema, EventJson.mapper().readTree("""
                {"kickoffId":"k","job":"DIFF_SETTLEMENT_REQUEST","businessDate":"2026-11-24"}"""))).as("minimal").isEmpty();
        assertThat(errors(schema, EventJson.mapper().readTree("""
                {"kickoffId":"k","job":"SETTLE_EVERYTHING","businessDate":"2026-11-24"}"""))).isNotEmpty();
        assertThat(errors(schema, EventJson.mapper().readTree("""
                {"kickoffId":"k","job":"DIFF_SETTLEMENT_REQUEST","businessDate":"20261124"}"""))).isNotEmpty();
        assertThat(errors(schema, EventJson.mapper().readTree("""
                {"job":"DIFF_SETTLEMENT_REQUEST","businessDate":"2026-11-24"}"""))).isNotEmpty();
    }

    // --- helpers ---

    private static Map<String, JsonNode> channelsByAddress() {
        Map<String, JsonNode> byAddress = new LinkedHashMap<>();
        for (JsonNode channel : doc.path("channels")) {
            String address = channel.path("address").asString();
            assertThat(byAddress.put(address, channel)).as("address listed twice: " + address).isNull();
        }
        return byAddress;
    }

    private static JsonNode messageOf(JsonNode channel) {
        Iterator<JsonNode> messages = channel.path("messages").values().iterator();
        assertThat(messages.hasNext()).as("channel has a message: " + channel.path("address")).isTrue();
        JsonNode message = resolve(messages.next());
        assertThat(messages.hasNext()).as("one event type per topic: " + channel.path("address")).isFalse();
        return message;
    }

    private static JsonNode payloadSchemaOf(Class<?> type) {
        for (JsonNode message : doc.path("components").path("messages")) {
            if (type.getName().equals(message.path("x-event-class").asString())) {
                return message.path("payload");
            }
        }
        throw new AssertionError("no message with x-event-class " + type.getName());
    }

    /** Follows a local $ref ("#/a/b") in the catalogue. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.path("$ref").asString();
            assertThat(ref).startsWith("#/");
            node = doc.at(ref.substring(1));
            assertThat(node.isMissingNode()).as("$ref resolves: " + ref).isFalse();
        }
        return node;
    }

    /** Validates against a schema of the catalogue; its "#/components/..." references resolve in the catalogue. */
    private static List<Error> errors(JsonNode schemaNode, JsonNode instance) {
        ObjectNode root = EventJson.mapper().createObjectNode();
        root.set("components", doc.path("components"));
        root.putArray("allOf").add(schemaNode);
        Schema schema = registry.getSchema(root);
        return schema.validate(instance);
    }

    /** The schema's properties are exactly the JSON fields EventJson writes, recursively into records. */
    private static void assertSameFieldNames(String where, JsonNode schema, JsonNode json) {
        if (json.isObject()) {
            Set<String> written = new TreeSet<>(json.propertyNames());
            Set<String> declared = new TreeSet<>(schema.path("properties").propertyNames());
            assertThat(declared).as(where + ": schema properties against the fields EventJson writes").isEqualTo(written);
            for (String field : written) {
                assertSameFieldNames(where + "." + field, objectBranch(schema.path("properties").path(field)),
                        json.get(field));
            }
        } else if (json.isArray() && !json.isEmpty()) {
            assertSameFieldNames(where + "[]", objectBranch(schema.path("items")), json.get(0));
        }
    }

    /** The schema itself, or for "null or X" (anyOf) the branch X. */
    private static JsonNode objectBranch(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        for (JsonNode branch : resolved.path("anyOf")) {
            JsonNode candidate = resolve(branch);
            if (!"null".equals(candidate.path("type").asString())) {
                return candidate;
            }
        }
        return resolved;
    }

    private static Set<String> nullableFieldNames(JsonNode schema) {
        Set<String> nullable = new HashSet<>();
        collectNullable(schema, nullable, new HashSet<>());
        return nullable;
    }

    private static void collectNullable(JsonNode schema, Set<String> nullable, Set<JsonNode> seen) {
        if (!seen.add(schema)) {
            return;
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode propertySchema = resolve(property.getValue());
            JsonNode type = propertySchema.path("type");
            boolean nullType = type.isArray() && type.values().stream().anyMatch(t -> "null".equals(t.asString()));
            boolean nullBranch = propertySchema.path("anyOf").values().stream()
                    .anyMatch(b -> "null".equals(resolve(b).path("type").asString()));
            if (nullType || nullBranch) {
                nullable.add(property.getKey());
            }
            collectNullable(objectBranch(propertySchema), nullable, seen);
            if (propertySchema.has("items")) {
                collectNullable(resolve(propertySchema.path("items")), nullable, seen);
            }
        }
    }

    private static List<Class<?>> classesOfEventsPackage() throws IOException, URISyntaxException, ClassNotFoundException {
        String pkg = SettlementEvent.class.getPackageName();
        URL location = SettlementEvent.class.getProtectionDomain().getCodeSource().getLocation();
        Path root = Path.of(location.toURI());
        Set<String> names = new LinkedHashSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root.resolve(pkg.replace('.', File.separatorChar)))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                        .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - ".class".length())));
            }
        } else {
            try (var jar = new java.util.jar.JarFile(root.toFile())) {
                String prefix = pkg.replace('.', '/') + "/";
                jar.stream().map(java.util.jar.JarEntry::getName)
                        .filter(n -> n.startsWith(prefix) && n.endsWith(".class") && !n.contains("$")
                                && n.indexOf('/', prefix.length()) < 0)
                        .forEach(n -> names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name));
        }
        return classes;
    }
}
