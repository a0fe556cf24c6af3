package io.marketgate.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.marketgate.server.MarketgateApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The capability packages of DESIGN.md stay separate, and domain types stay free of Spring. */
class ModuleStructureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.marketgate");

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        ApplicationModules.of(MarketgateApplication.class).verify();
    }

    @Test
    void domainRecordsEnumsAndPoliciesImportNoSpring() {
        DescribedPredicate<JavaClass> domainType = DescribedPredicate.describe(
                "records, enums and policies outside adapter packages",
                c -> (c.isRecord() || c.isEnum() || c.getSimpleName().endsWith("Policy"))
                        && !c.getPackageName().matches(".*\\.(web|jdbc|config|sqs|health|simulator|startup)(\\..*)?"));
        noClasses()
                .that(domainType)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("domain types are plain Java (STYLE.md: framework annotations stay at the edges)")
                .check(CLASSES);
    }
}
