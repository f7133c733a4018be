package fr.harmonie.territoires;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import fr.harmonie.evaluation.Resultat.Territoire;
import fr.harmonie.json.Citations;
import fr.harmonie.json.Json;
import fr.harmonie.regles.Origine;
import fr.harmonie.web.ProblemeHttpException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Les communes, sans compte: un bailleur qui prépare un dossier connaît le nom de sa commune ou son code postal, pas
 * toujours son code INSEE ni le territoire qui instruira. Ceci les lui donne, avec la chaîne de packs qu'une
 * évaluation y appliquerait à une date et l'adresse de ses règles en vigueur.
 */
@RestController
@Tag(name = "Territoires")
class CommunesController {

    private static final int NOMS_MAX = 20;

    private final RegistreCourant registre;
    private final Clock horloge;

    CommunesController(RegistreCourant registre, Clock horloge) {
        this.registre = registre;
        this.horloge = horloge;
    }

    record Epci(String code, String nom) { }

    record CommuneVue(String codeInsee, String nom, String departement, String region, Epci epci, List<String> codesPostaux,
                      AncienneCommune ancienneCommune) { }

    /** Why a search by name found a commune whose own name does not match: a former commune that joined it. */
    record AncienneCommune(String codeInsee, String nom, String rattachement) { }

    /** The commune's fields, then where it leads at that date: {@code regles} is the address of the rules in force. */
    record CommuneResolue(@JsonUnwrapped CommuneVue commune, LocalDate date, Territoire territoire, List<Origine> notes,
                          String regles) { }

    @Operation(summary = "Une commune par son code INSEE, et le territoire qui l'instruit à une date (aujourd'hui par défaut)",
            description = "La chaîne de packs est celle qu'appliquerait une évaluation d'un dossier de cette commune à cette "
                    + "date, sans territoire demandé ; `regles` donne l'adresse des règles en vigueur. Un code postal tapé "
                    + "à la place du code INSEE, le code d'une ancienne commune déléguée ou associée, ou celui d'une commune de "
                    + "Corse écrit avec 20 au lieu de 2A ou 2B, reçoit 404 avec le ou les codes INSEE à utiliser.")
    @ApiResponse(responseCode = "200", description = "La commune, son territoire et la chaîne de packs à la date.")
    @ApiResponse(responseCode = "404", description = "Aucune commune actuelle ne porte ce code ; si c'est un code postal, "
            + "celui d'une ancienne commune ou celui d'une commune de Corse écrit avec 20, detail donne le ou les codes INSEE "
            + "à utiliser ; sinon, à une date postérieure "
            + "à l'année du découpage administratif, detail dit qu'une commune créée depuis n'y figure pas encore.")
    @GetMapping(path = "/api/v1/communes/{codeInsee}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> commune(@PathVariable String codeInsee, @RequestParam(required = false) String date) {
        RegistrePacks courant = registre.registre();
        LocalDate jour = JourDemande.lire(date, horloge, courant.national());
        if (!Geographie.estUnCodeInsee(codeInsee)) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Code INSEE invalide", "« " + abrege(codeInsee)
                    + " » n'est pas un code INSEE de commune : cinq caractères, deux chiffres (ou 2A, 2B pour la Corse) "
                    + "puis trois chiffres.");
        }
        RegistrePacks.Resolution r = courant.resoudreCommune(codeInsee, jour);
        if (!r.localisation().isCommuneConnue()) {
            String explication = r.localisation().getExplication(); // "commune 99999 inconnue …", a sentence here
            throw new ProblemeHttpException(HttpStatus.NOT_FOUND, "Commune inconnue",
                    Character.toUpperCase(explication.charAt(0)) + explication.substring(1) + ".");
        }
        Territoire territoire = Territoire.de(r.packs(), r.phrase());
        return TerritoiresController.json(new CommuneResolue(vue(courant.geographie(), courant.geographie().commune(codeInsee), null),
                jour, territoire, r.notes(), "/api/v1/territoires/" + territoire.code() + "/regles?date=" + jour));
    }

    @Operation(summary = "Chercher une commune par son nom, son code postal, ou les deux",
            description = "`nom` : sans égard aux accents, à la casse ni aux tirets, St et Ste valant Saint et Sainte ; le "
                    + "nom exact d'abord, puis ceux qui commencent ainsi, puis ceux dont un mot commence ainsi, puis ceux qui "
                    + "commencent ainsi une fois les mots collés (lhay pour L'Haÿ-les-Roses), 20 au plus ; "
                    + "le nom d'une ancienne commune déléguée ou associée trouve la commune qu'elle a rejointe "
                    + "(`ancienneCommune` dit laquelle). `codePostal` : toutes les communes qui le portent. Les deux "
                    + "ensemble (ou le code postal écrit dans le nom, comme dans une adresse : Rouen 76000) : les communes de ce "
                    + "nom qui portent ce code postal. L'en-tête X-Total-Count dit combien de communes répondent.")
    @ApiResponse(responseCode = "200", description = "Les communes trouvées (liste vide si aucune).")
    @GetMapping(path = "/api/v1/communes", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> chercher(@RequestParam(required = false) String nom,
                                    @RequestParam(required = false) String codePostal) {
        Geographie geo = registre.registre().geographie();
        if (nom == null && codePostal == null) {
            throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Recherche de commune invalide", "Donner le paramètre "
                    + "nom (par exemple nom=Rouen), le paramètre codePostal (par exemple codePostal=76000), ou les deux.");
        }
        NomEtCodePostal demande = NomEtCodePostal.lire(nom, codePostal, geo);
        List<Geographie.Trouvee> trouvees;
        if (demande.nom() == null) {
            trouvees = geo.communesDuCodePostal(demande.codePostal()).stream().map(c -> new Geographie.Trouvee(c, null)).toList();
        } else {
            if (Geographie.pourChercher(demande.nom()).length() < 2) {
                throw new ProblemeHttpException(HttpStatus.BAD_REQUEST, "Nom de commune trop court",
                        "Paramètre nom : au moins deux lettres ou chiffres.");
            }
            trouvees = geo.chercher(demande.nom());
            if (demande.codePostal() != null) {
                // Homonyms (some 200 Saint-Martin) told apart by the postal code of the address.
                trouvees = trouvees.stream().filter(t -> geo.codesPostaux(t.commune().code()).contains(demande.codePostal())).toList();
            }
        }
        // A postal code holds at most 46 communes, all shown; a name may match thousands ("saint"): the first, and the count.
        int montrees = demande.nom() == null ? trouvees.size() : Math.min(trouvees.size(), NOMS_MAX);
        List<CommuneVue> vues = trouvees.subList(0, montrees).stream().map(t -> vue(geo, t.commune(), t.par())).toList();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("X-Total-Count", Integer.toString(trouvees.size())).body(Json.MAPPER.writeValueAsBytes(vues));
    }

    private static CommuneVue vue(Geographie geo, Geographie.Commune c, Geographie.CommuneRattachee par) {
        Epci epci = c.epci().isEmpty() ? null : new Epci(c.epci(), geo.nomEpci(c.epci()));
        return new CommuneVue(c.code(), c.nom(), c.departement(), c.region(), epci, geo.codesPostaux(c.code()),
                par == null ? null : new AncienneCommune(par.code(), par.nom(), par.rattachement()));
    }

    /** A path or parameter can be long: the message quotes enough of it to be recognised. */
    private static String abrege(String valeur) {
        return Citations.abregee(valeur, 20);
    }
}
