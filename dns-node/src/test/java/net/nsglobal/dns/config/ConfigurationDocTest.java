package net.nsglobal.dns.config;

import net.nsglobal.config.Setting;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every setting of the {@link Schema} and every quick-form flag. */
class ConfigurationDocTest {
    private static final Path DOC = Path.of("..", "docs", "configuration.md");

    @Test
    void everySettingAndFlagIsDocumented() throws Exception {
        assertThat(DOC).as("docs/configuration.md (tests run from dns-node/)").exists();
        String doc = Files.readString(DOC);
        int settings = 0;
        for (Field f : Schema.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Setting.class) {
                Setting<?> s = (Setting<?>) f.get(null);
                assertThat(doc).as("setting %s", f.getName()).contains(s.key() + "`");
                settings++;
            }
        }
        assertThat(settings).isGreaterThan(30);
        for (Field f : QuickForm.class.getDeclaredFields()) {
            picocli.CommandLine.Option o = f.getAnnotation(picocli.CommandLine.Option.class);
            if (o != null) for (String name : o.names()) assertThat(doc).as("flag %s", name).contains("`" + name);
        }
    }
}
