package dev.kyra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The package-by-feature boundaries of the design, checked rather than hoped for. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(KyraApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicTypesAndHaveNoCycles() {
        MODULES.verify();
    }

    @Test
    void theCoreKnowsNothingOfTheFaces() {
        List<String> faces = MODULES.stream().map(module -> module.getIdentifier().toString()).filter(name -> name.startsWith("face")).toList();
        List<String> cores = MODULES.stream().map(module -> module.getIdentifier().toString()).filter(name -> !name.startsWith("face")).toList();
        assertThat(cores).as("every module that is not a face, files and query included")
                .contains("customer", "profile", "events", "webhooks", "platform", "validation", "ids", "database", "web", "files", "query",
                        "edge", "personal");
        assertThat(faces).isNotEmpty();
        for (String core : cores) {
            ApplicationModule module = MODULES.getModuleByName(core).orElseThrow(() -> new AssertionError(core + " is not a module"));
            assertThat(module.getDirectDependencies(MODULES).uniqueModules()
                    .map(dependency -> dependency.getBasePackage().getName())).as(core).noneMatch(pkg -> pkg.contains(".face"));
        }
    }
}
