package org.cutover;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cutover.PackageTable.ROOT;
import static org.cutover.PackageTable.fullName;
import static org.cutover.PackageTable.within;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Holds the application's classes against the package table of docs/architecture.md: the table is
 * the rule, so a package's row and this test cannot drift apart. A refusal names the class, the
 * class it uses and the line.
 */
class ModuleRulesTest {

  /** The demo's classes (src/demo), which the build compiles with the tests, less their tests. */
  private static final Pattern DEMO_CLASS =
      Pattern.compile(".*/org/cutover/demo/(?![^/$]*(Test|IT)(\\$[^/]*)?\\.class$)[^/]*\\.class$");

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ModuleRulesTest::applicationOrDemo)
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
          .importPackages(ROOT);

  private static final PackageTable TABLE = PackageTable.read();

  @Test
  void everyPackageFollowsARowOfTheTable() {
    Set<String> without = new TreeSet<>();
    for (JavaClass javaClass : CLASSES) {
      if (TABLE.rowOf(javaClass.getPackageName()).isEmpty()) {
        without.add(javaClass.getPackageName());
      }
    }
    assertThat(without)
        .as(
            "packages with no row of their own or above them in %s's package table: add a row"
                + " saying what the package holds and which packages it may depend on",
            PackageTable.DOCUMENT)
        .isEmpty();
  }

  @Test
  void everyPackageTheTableNamesExists() {
    Set<String> named = new TreeSet<>(TABLE.mayDependOn().keySet());
    TABLE.mayDependOn().values().forEach(named::addAll);
    named.addAll(TABLE.camundaPackages());
    named.addAll(TABLE.springFree());
    Set<String> missing = new TreeSet<>();
    for (String name : named) {
      if (CLASSES.stream().noneMatch(c -> within(c.getPackageName(), fullName(name)))) {
        missing.add(name);
      }
    }
    assertThat(missing).as("packages %s names that hold no class", PackageTable.DOCUMENT).isEmpty();
  }

  @Test
  void aPackageWithoutARowFollowsTheNearestRowAboveIt() {
    assertThat(TABLE.rowOf(ROOT + ".migration.anything.new")).contains("migration");
    assertThat(TABLE.rowOf(ROOT + ".dns.cloudflare")).contains("dns");
    assertThat(TABLE.rowOf(ROOT + ".migrationx")).isEmpty();
    assertThat(TABLE.rowOf(ROOT)).contains(ROOT);
  }

  @TestFactory
  Stream<DynamicTest> eachPackageUsesOnlyThePackagesItsRowNames() {
    return TABLE.mayDependOn().entrySet().stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.getKey() + " may depend on " + row.getValue(),
                    () ->
                        classes()
                            .that(followRow(row.getKey()))
                            .should()
                            .onlyDependOnClassesThat(mayBeUsedBy(row.getKey(), row.getValue()))
                            .because(
                                PackageTable.DOCUMENT
                                    + "'s package table says so; change the code, or the row"
                                    + " where the table is wrong")
                            .check(CLASSES)));
  }

  @Test
  void topLevelPackagesFormNoCycle() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void camundaTypesStayWhereTheTableAllowsThem() {
    noClasses()
        .that(DescribedPredicate.not(inAnyOf(TABLE.camundaPackages())))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.camunda..")
        .because("Camunda types stay in " + TABLE.camundaPackages() + ", so a move is a rename")
        .check(CLASSES);
  }

  @Test
  void springStaysOutOfThePackagesThatRunWithoutIt() {
    noClasses()
        .that(inAnyOf(TABLE.springFree()))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .because("the sync command runs these packages without Spring")
        .check(CLASSES);
  }

  private static boolean applicationOrDemo(Location location) {
    return ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
        || location.matches(DEMO_CLASS);
  }

  private static DescribedPredicate<JavaClass> followRow(String row) {
    return DescribedPredicate.describe(
        "follow the row `" + row + "`",
        c -> TABLE.rowOf(c.getPackageName()).filter(row::equals).isPresent());
  }

  /**
   * What a class of the row may use: anything outside {@code org.cutover}, the root package (the
   * application class and the worker-role marks), its own package with its sub-packages, and the
   * packages the row names with theirs.
   */
  private static DescribedPredicate<JavaClass> mayBeUsedBy(String row, Set<String> names) {
    return DescribedPredicate.describe(
        "are outside " + ROOT + ", in " + ROOT + " itself, in `" + row + "` or in " + names,
        c -> {
          String target = c.getPackageName();
          if (!within(target, ROOT) || target.equals(ROOT)) {
            return true;
          }
          if (!row.equals(ROOT) && within(target, fullName(row))) {
            return true;
          }
          return names.stream().anyMatch(name -> within(target, fullName(name)));
        });
  }

  private static DescribedPredicate<JavaClass> inAnyOf(Set<String> names) {
    return DescribedPredicate.describe(
        "are in " + names,
        c -> names.stream().anyMatch(name -> within(c.getPackageName(), fullName(name))));
  }
}
