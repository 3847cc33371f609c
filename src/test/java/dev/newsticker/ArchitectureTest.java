package dev.newsticker;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.newsticker.http.VertxInternals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages stand on each other one way, in the order the data flows (ARCHITECTURE.md):
 * model → store → desk → push → ingest → api → the root, with config, http and guard as rails
 * beside them. Each rule here fails the build when a change breaks that.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.newsticker");
  }

  @Test
  void noPackageCycles() {
    slices().matching("dev.newsticker.(*)..")
      .should().beFreeOfCycles()
      .check(classes);
  }

  @Test
  void layersInTheDataDirection() {
    layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("model").definedBy("dev.newsticker.model..")
      .layer("config").definedBy("dev.newsticker.config..")
      .layer("http").definedBy("dev.newsticker.http..")
      .layer("store").definedBy("dev.newsticker.store..")
      .layer("desk").definedBy("dev.newsticker.desk..")
      .layer("guard").definedBy("dev.newsticker.guard..")
      .layer("push").definedBy("dev.newsticker.push..")
      .layer("ingest").definedBy("dev.newsticker.ingest..")
      .layer("api").definedBy("dev.newsticker.api..")
      .layer("cluster").definedBy("dev.newsticker.cluster..")
      .layer("root").definedBy("dev.newsticker")
      .whereLayer("model").mayNotAccessAnyLayer()
      .whereLayer("config").mayNotAccessAnyLayer()
      .whereLayer("http").mayOnlyAccessLayers("model")
      .whereLayer("store").mayOnlyAccessLayers("model", "config")
      .whereLayer("desk").mayOnlyAccessLayers("model", "config", "store")
      .whereLayer("guard").mayOnlyAccessLayers("config", "http")
      .whereLayer("push").mayOnlyAccessLayers("model", "config", "http", "store", "desk", "guard")
      .whereLayer("ingest").mayOnlyAccessLayers("model", "config", "http", "desk")
      .whereLayer("api").mayOnlyAccessLayers("model", "config", "http", "store", "desk", "guard", "push", "ingest")
      .whereLayer("cluster").mayOnlyAccessLayers("config")
      .check(classes);
  }

  @Test
  void pushTakesOnlyTheDesksAddressesNotItsDecisions() {
    noClasses().that().resideInAPackage("dev.newsticker.push..")
      .should().dependOnClassesThat(resideInAPackage("dev.newsticker.desk..").and(not(simpleName("DeskAddresses"))))
      .check(classes);
  }

  @Test
  void deskKnowsNeitherPushNorApi() {
    noClasses().that().resideInAPackage("dev.newsticker.desk..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.newsticker.push..", "dev.newsticker.api..")
      .check(classes);
  }

  @Test
  void vertxInternalsOnlyInTheOneClassAllowed() {
    noClasses().that().resideInAPackage("dev.newsticker..")
      .and().doNotBelongToAnyOf(VertxInternals.class)
      .should().dependOnClassesThat().resideInAnyPackage("io.vertx..impl..", "io.vertx..internal..")
      .check(classes);
  }
}
