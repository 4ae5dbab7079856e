package net.nsglobal.platform.sites;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document read into a Jackson tree (what the config kit's {@code Section} reads) together with the line of
 * every key and list item, by the config kit's key path ({@code neighbors[0].prepend}). Jackson's tree has no
 * locations; its streaming parser does, so the tree is built here token by token. A key given twice is an error
 * (YAML 1.2 §3.2.1.1: mapping keys are unique), not a silent "last one wins".
 */
record LocatedYaml(JsonNode root, Map<String, Integer> lines) {
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A syntax error or duplicate key, at a line. */
    static final class SyntaxError extends Exception {
        final int line;

        SyntaxError(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    static LocatedYaml parse(String text) throws SyntaxError {
        Map<String, Integer> lines = new HashMap<>();
        lines.put("", 1);
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) return new LocatedYaml(MissingNode.getInstance(), lines);
            JsonNode root = read(p, "", lines);
            if (p.nextToken() != null) throw new SyntaxError(line(p), "more than one YAML document");
            return new LocatedYaml(root, lines);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new SyntaxError(at == null ? 1 : Math.max(1, at.getLineNr()), "not valid YAML: " + e.getOriginalMessage().strip().replaceAll("\\s*\n\\s*", " "));
        } catch (IOException e) {
            throw new SyntaxError(1, "not readable: " + e.getMessage());
        }
    }

    /** The line of {@code key}, or of its nearest enclosing key when it is absent (a missing required setting). */
    int lineOf(String key) {
        String k = key;
        while (true) {
            Integer n = lines.get(k);
            if (n != null) return n;
            if (k.isEmpty()) return 1;
            int cut = Math.max(k.lastIndexOf('.'), k.lastIndexOf('['));
            k = cut < 0 ? "" : k.substring(0, cut);
        }
    }

    private static int line(JsonParser p) {
        return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    private static JsonNode read(JsonParser p, String path, Map<String, Integer> lines) throws IOException, SyntaxError {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode obj = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path.isEmpty() ? name : path + "." + name;
                    if (obj.has(name)) {
                        throw new SyntaxError(line(p), child + ": given twice (first on line " + lines.get(child) + ")");
                    }
                    lines.put(child, line(p));
                    p.nextToken();
                    obj.set(name, read(p, child, lines));
                }
                return obj;
            }
            case START_ARRAY -> {
                ArrayNode arr = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = path + "[" + i++ + "]";
                    lines.put(child, line(p));
                    arr.add(read(p, child, lines));
                }
                return arr;
            }
            case VALUE_STRING -> { return NODES.textNode(p.getText()); }
            case VALUE_NUMBER_INT -> { return NODES.numberNode(p.getBigIntegerValue()); }
            case VALUE_NUMBER_FLOAT -> { return NODES.numberNode(p.getDecimalValue()); }
            case VALUE_TRUE -> { return NODES.booleanNode(true); }
            case VALUE_FALSE -> { return NODES.booleanNode(false); }
            case VALUE_NULL -> { return NODES.nullNode(); }
            default -> throw new SyntaxError(line(p), "unexpected YAML content (" + t + ")");
        }
    }
}
