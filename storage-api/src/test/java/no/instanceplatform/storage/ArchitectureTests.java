package no.instanceplatform.storage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of Storage's structure: features without cycles, adapters behind their ports. */
@AnalyzeClasses(packages = {"no.instanceplatform.storage", "no.instanceplatform.model"},
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest
  static final ArchRule featuresDoNotDependOnEachOtherInCycles =
      slices().matching("no.instanceplatform.storage.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule onlyAdaptersAndMongoSetUpUseSpringDataMongoDb = noClasses()
      .that().resideOutsideOfPackages("..storage.*.mongo..", "..storage.mongo..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data.mongodb..", "com.mongodb..",
          "org.bson..")
      .allowEmptyShould(true);

  @ArchTest
  static final ArchRule nothingButSpringReachesAnAdapterDirectly = classes()
      .that().resideInAPackage("..storage.*.mongo..")
      .should().onlyHaveDependentClassesThat().resideInAPackage("..storage.*.mongo..");

  @ArchTest
  static final ArchRule servicesAndPortsCarryNoHttpTypes = noClasses()
      .that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Store")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..",
          "org.springframework.web..", "jakarta.servlet..");

  @ArchTest
  static final ArchRule theWireModelHasNoSpring = noClasses()
      .that().resideInAPackage("no.instanceplatform.model..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..");
}
