package fr.harmonie.territoires;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.harmonie.json.Citations;
import fr.harmonie.json.Json;
import fr.harmonie.regles.Manifeste;
import fr.harmonie.rapport.FicheDesRegles;
import fr.harmonie.regles.Pack;
import fr.harmonie.web.ImpressionsEnCours;
import fr.harmonie.web.ProblemeHttpException;
import fr.harmonie.web.ReponsesDecrites;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Les règles en vigueur, sans compte: elles sont publiques (le socle et les packs sont dans le dépôt), et un bailleur
 * qui vérifie un dossier sans compte veut savoir ce que son territoire applique.
 */
@RestController
@Tag(name = "Territoires", description = "Les packs territoriaux et les règles en vigueur.")
class TerritoiresController {

    private final RegistreCourant registre;
    private final Clock horloge;
    /**
     * The sheets last printed, by territory, date, the hashes of the packs they print and the levels skipped: one costs
     * some 50 ms to lay out, and a region's services all ask for today's. A publication changes the key: never stale.
     */
    private final ImpressionsEnCours impressions;
    private final Cache<String, byte[]> fiches = Caffeine.newBuilder().maximumSize(32).build();

    TerritoiresController(RegistreCourant registre, Clock horloge, ImpressionsEnCours impressions) {
        this.registre = registre;
        this.horloge = horloge;
        this.impressions = impressions;
    }

    record VersionVue(String version, LocalDate validFrom, LocalDate validUntil, String empreinte, PerimetreVu perimetre) { }

    /**
     * Le périmètre tel que le manifeste le déclare (départements, EPCI, communes; absent pour le socle) et le nombre de
     * communes qu'il couvre d'après le jeu de données géographique.
     */
    record PerimetreVu(List<String> departements, List<String> epci, List<String> communes, int nombreCommunes) {

        static PerimetreVu de(Pack p, RegistrePacks registre) {
            Manifeste.Perimetre declare = p.manifeste().perimetre();
            return declare.estVide() ? null : new PerimetreVu(nonVide(declare.departements()), nonVide(declare.epci()),
                    nonVide(declare.communes()), registre.communes(p).size());
        }

        private static List<String> nonVide(List<String> codes) {
            return codes.isEmpty() ? null : codes;
        }
    }

    record TerritoireVu(String id, String libelle, String niveau, String parent, List<VersionVue> versions) { }

    @Operation(summary = "Lister les territoires : packs, versions et périmètres")
    @GetMapping(path = "/api/v1/territoires", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> lister() {
        RegistrePacks courant = registre.registre();
        List<TerritoireVu> vus = courant.packs().stream().map(versions -> {
            Pack dernier = versions.get(versions.size() - 1);
            return new TerritoireVu(dernier.id(), dernier.manifeste().libelle(), dernier.manifeste().niveau(),
                    dernier.manifeste().parent(), versions.stream().map(p -> new VersionVue(p.manifeste().version(),
                            p.manifeste().validFrom(), p.manifeste().validUntil(), p.empreinte(),
                            PerimetreVu.de(p, courant))).toList());
        }).toList();
        return json(vus);
    }

    /** {@code date}: AAAA-MM-JJ, aujourd'hui à Paris par défaut, comme la date de référence d'un dossier. */
    @Operation(summary = "Les règles en vigueur dans un territoire à une date (aujourd'hui par défaut)")
    @GetMapping(path = "/api/v1/territoires/{id}/regles", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> reglesEnVigueur(@PathVariable String id, @RequestParam(required = false) String date) {
        return json(enVigueur(id, date));
    }

    /**
     * The same rules on paper, for the DREAL's good-practice sheet and the services' binders. The Content-Type is set
     * here rather than by {@code produces}, so that a refusal (unknown territory, bad date) stays in problem+json.
     */
    @Operation(summary = "La fiche des règles en vigueur d'un territoire à une date, en PDF, à imprimer ou à diffuser")
    @ApiResponse(responseCode = "200", description = "La fiche (application/pdf, A4) : les packs appliqués du socle au territoire, "
            + "ce que chaque pack territorial ajoute (pièces, écarts, anomalies, gravités, calendrier, avec motif et source), les "
            + "paramètres avec leur valeur et leur source, et chaque règle par sa phrase, avec sa source ; ce que donne …/regles en JSON.",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "503", description = ReponsesDecrites.IMPRESSIONS_SATUREES)
    @GetMapping("/api/v1/territoires/{id}/fiche")
    ResponseEntity<byte[]> fiche(@PathVariable String id, @RequestParam(required = false) String date) {
        ReglesEnVigueur regles = enVigueur(id, date);
        String cle = regles.territoire() + "@" + regles.date() + regles.chaine().stream().map(ReglesEnVigueur.PackVu::empreinte).toList()
                + regles.notes();
        byte[] pdf = fiches.getIfPresent(cle);
        if (pdf == null) {
            // Laid out outside the cache: computed inside it, a sheet waiting for its place to print would hold the lock
            // of its bin, and other sheets' lookups with it. Two first requests for one sheet may both lay it out.
            pdf = impressions.imprimer(() -> FicheDesRegles.pdf(Json.MAPPER.valueToTree(regles)));
            fiches.put(cle, pdf);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("regles-" + regles.territoire() + "-" + regles.date() + ".pdf").build().toString())
                .body(pdf);
    }

    private ReglesEnVigueur enVigueur(String id, String date) {
        RegistrePacks courant = registre.registre();
        LocalDate jour = JourDemande.lire(date, horloge, courant.national());
        RegistrePacks.ChaineEnVigueur enVigueur = courant.enVigueurPour(id, jour);
        if (enVigueur == null) {
            throw new ProblemeHttpException(HttpStatus.NOT_FOUND, "Territoire inconnu",
                    "Aucun pack ne porte l'identifiant « " + Citations.abregee(id, 60) + " »"
                            + IdentifiantsDePacks.suggestion(id, courant.identifiants()) + ".");
        }
        return ReglesEnVigueur.de(id, jour, enVigueur);
    }

    /** Written by Harmonie's mapper, which leaves out what is null (a version without end, a rule without piece). */
    static ResponseEntity<byte[]> json(Object valeur) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Json.MAPPER.writeValueAsBytes(valeur));
    }
}
