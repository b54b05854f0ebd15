package no.instanceplatform.app.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import no.instanceplatform.app.common.AppRuleException;

/**
 * A scan of form data finds at every path what a parse of the whole form finds there, and refuses (with the same
 * detail) exactly the forms a parse refuses: generated JSON and XML, well-formed and broken, with repeated names,
 * arrays, nulls, numbers in every notation, namespaces, entities, CDATA and comments.
 */
class FormScanProperties {

  private static final List<String> NAMES = List.of("a", "b", "c");
  private static final List<String> PATHS = paths();

  @Property(tries = 400)
  void aJsonScanFindsAndRefusesWhatAParseDoes(@ForAll("jsonForms") String form) {
    assertScanAgreesWithParse("application/json", form);
  }

  @Property(tries = 400)
  void anXmlScanFindsAndRefusesWhatAParseDoes(@ForAll("xmlForms") String form) {
    assertScanAgreesWithParse("application/xml", form);
  }

  @Example
  void anElementWithAnEmptyPrefixIsNamedAsTheParseNamesIt() {
    assertScanAgreesWithParse("application/xml", "<r><:a>x</:a><b><:c/></b></r>");
  }

  private static void assertScanAgreesWithParse(String contentType, String form) {
    byte[] bytes = form.getBytes(StandardCharsets.UTF_8);
    FormDocument parsed = null;
    Throwable parseRefusal = catchThrowable(() -> FormDocument.parse(contentType, bytes, "The form"));
    if (parseRefusal == null) {
      parsed = FormDocument.parse(contentType, bytes, "The form");
    }
    FormValues scanned = null;
    Throwable scanRefusal = catchThrowable(() -> FormDocument.scan(contentType, new ByteArrayInputStream(bytes),
        PATHS, "The form"));
    if (scanRefusal == null) {
      scanned = FormDocument.scan(contentType, new ByteArrayInputStream(bytes), PATHS, "The form");
    }
    Statistics.label("outcome").collect(parseRefusal == null ? "parsed" : "refused");

    if (parseRefusal != null) {
      assertThat(parseRefusal).isInstanceOf(AppRuleException.class);
      assertThat(scanRefusal).as("the scan of %s", form).isInstanceOf(AppRuleException.class)
          .hasMessage(parseRefusal.getMessage());
      return;
    }
    assertThat(scanRefusal).as("the scan of %s", form).isNull();
    for (String path : PATHS) {
      assertThat(scanned.value(path)).as("%s in %s", path, form).isEqualTo(parsed.value(path));
    }
  }

  @Provide
  Arbitrary<String> jsonForms() {
    Arbitrary<String> object = jsonObject(3);
    return Arbitraries.oneOf(object, jsonValue(2), broken(object, "{}[],:\"\\ x0-e."));
  }

  @Provide
  Arbitrary<String> xmlForms() {
    Arbitrary<String> document = Combinators.combine(Arbitraries.of("", "<?xml version=\"1.0\"?>", "\uFEFF"),
        xmlElement(4, true), Arbitraries.of("", "\n", "<!-- after -->", "<?pi x?>"))
        .as((prolog, root, epilogue) -> prolog + root + epilogue);
    Arbitrary<String> doctype = document.map(xml -> "<!DOCTYPE r [<!ENTITY e \"x\">]>" + xml);
    return Arbitraries.oneOf(document, document, doctype, broken(document, "<>/&;:\"'= x"));
  }

  /** The form with a character left out, put in, or everything after a point cut off. */
  private static Arbitrary<String> broken(Arbitrary<String> forms, String characters) {
    return Combinators.combine(forms, Arbitraries.doubles().between(0, 1), Arbitraries.of(characters.chars()
            .mapToObj(c -> String.valueOf((char) c)).toList()), Arbitraries.integers().between(0, 2))
        .as((form, where, character, how) -> {
          int at = (int) (where * form.length());
          return switch (how) {
            case 0 -> form.substring(0, at);
            case 1 -> form.substring(0, at) + character + form.substring(at);
            default -> at < form.length() ? form.substring(0, at) + form.substring(at + 1) : form + character;
          };
        });
  }

  private static Arbitrary<String> jsonObject(int depth) {
    Arbitrary<String> property = Combinators.combine(Arbitraries.of(NAMES), jsonValue(depth - 1))
        .as((name, value) -> "\"" + name + "\": " + value);
    return property.list().ofMaxSize(4).map(properties -> "{" + String.join(",", properties) + "}");
  }

  private static Arbitrary<String> jsonValue(int depth) {
    Arbitrary<String> scalar = Arbitraries.oneOf(
        Arbitraries.of("null", "true", "false", "0", "-0", "42", "-7", "12345678901234567890123", "1.50", "-0.0",
            "1e3", "2.5E-3", "1e400", "0.1", "\"\"", "\"x\"", "\"\\u00e6\\n\\\"\"", "\"næ\"", "\"\\ud83d\\ude00\""),
        Arbitraries.strings().withCharRange(' ', '~').excludeChars('"', '\\').ofMaxLength(8).map(s -> "\"" + s + "\""));
    if (depth <= 0) {
      return scalar;
    }
    Arbitrary<String> array = Arbitraries.lazy(() -> jsonValue(depth - 1)).list().ofMaxSize(3)
        .map(items -> "[" + String.join(",", items) + "]");
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, scalar), net.jqwik.api.Tuple.of(1, array),
        net.jqwik.api.Tuple.of(3, Arbitraries.lazy(() -> jsonObject(depth))));
  }

  private static Arbitrary<String> xmlElement(int depth, boolean root) {
    Arbitrary<String> name = root ? Arbitraries.of("r", "p:r", "Skjema")
        : Arbitraries.of("a", "b", "c", "p:a", "q:b", "a");
    Arbitrary<String> text = Arbitraries.of("", "x", " ", "\n  ", "1 &amp; 2", "&lt;&gt;&#65;&#x42;", "<![CDATA[<c>]]>",
        "<!-- note -->", "<?pi data?>", "næ", "&quot;");
    Arbitrary<String> children = depth <= 0 ? Arbitraries.just("")
        : Combinators.combine(Arbitraries.lazy(() -> xmlElement(depth - 1, false)), text).as(String::concat)
            .list().ofMaxSize(3).map(list -> String.join("", list));
    String namespaces = root ? " xmlns:p=\"urn:p\" xmlns:q=\"urn:q\"" : "";
    Arbitrary<String> attributes = Arbitraries.of("", " id=\"1\"", " p:x='y'");
    return Combinators.combine(name, attributes, text, children, Arbitraries.integers().between(0, 4))
        .as((tag, attribute, leading, inner, shape) -> shape == 0 && !root
            ? "<" + tag + attribute + "/>"
            : "<" + tag + namespaces + attribute + ">" + leading + inner + "</" + tag + ">");
  }

  /** Every dotted path of the names, up to three deep, one through a name no form has, and null: the root. */
  private static List<String> paths() {
    List<String> paths = new ArrayList<>(NAMES);
    Function<List<String>, List<String>> deeper = shorter -> shorter.stream()
        .flatMap(path -> NAMES.stream().map(name -> path + "." + name)).toList();
    List<String> two = deeper.apply(NAMES);
    paths.addAll(two);
    paths.addAll(deeper.apply(two));
    paths.add("a.missing");
    paths.add(null);
    return Collections.unmodifiableList(paths);
  }
}
