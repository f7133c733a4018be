package fr.harmonie.json;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.NumberOutput;

/**
 * Writes exactly the bytes of {@link Json#CANONIQUE}, faster, for the receipt of every evaluation.
 *
 * <p>Why: the receipt hashes about 13 KB of canonical JSON per evaluation, and Jackson 3 reads every record component
 * through a non-constant MethodHandle and escapes every string char by char; that was a third of an evaluation's
 * time. Here a record's components are read through generated accessors, enum constants and property names are
 * encoded once, and a string that needs no escaping is copied as its UTF-8 bytes.
 *
 * <p>Jackson stays the reference: whatever this writer does not know for certain (a string to escape or with a
 * surrogate, a non-finite number, a type other than records, enums, lists, strings, numbers, booleans and dates, a
 * record with Jackson annotations or extra getters) is written by {@link Json#CANONIQUE} itself. A test compares both on
 * every golden dossier and example and their results, and on every character from U+0000 to U+08FF.
 *
 * <p>It also writes the body of every answer to an evaluation ({@code Resultat.enJson()}): for records and lists, the
 * canonical bytes are those of {@link Json#MAPPER} too, since both write components in declaration order and only
 * maps and extra properties would tell them apart.
 */
public final class EcrivainCanonique {

    private static final boolean DOUBLES_RAPIDES = Json.CANONIQUE.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);

    private static final ClassValue<Ecriture> ECRITURES = new ClassValue<>() {
        @Override
        protected Ecriture computeValue(Class<?> type) {
            return ecriturePour(type);
        }
    };

    private EcrivainCanonique() {
    }

    /** Les octets canoniques de {@code valeur}. */
    public static byte[] octets(Object valeur) {
        Morceaux morceaux = new Morceaux();
        Tampon t = new Tampon(16_384, morceaux);
        t.valeur(valeur);
        return morceaux.assembler(t.octets, t.taille);
    }

    /**
     * Ajoute les octets canoniques de {@code valeur} au {@code condensat}, par morceaux: le texte entier (13 Ko pour une
     * évaluation) n'est jamais construit, seul un tampon de 4 Ko l'est.
     */
    public static void condenser(Object valeur, MessageDigest condensat) {
        Tampon t = new Tampon(4_096, (octets, longueur) -> condensat.update(octets, 0, longueur));
        t.valeur(valeur);
        t.vider();
    }

    @FunctionalInterface
    private interface Ecriture {
        void ecrire(Object valeur, Tampon t);
    }

    private static Ecriture ecriturePour(Class<?> type) {
        if (type == String.class) {
            return (v, t) -> t.chaine((String) v);
        }
        if (type == Boolean.class) {
            return (v, t) -> t.brut((Boolean) v ? VRAI : FAUX);
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
            return (v, t) -> t.ascii(v.toString());
        }
        if (type == Double.class) {
            return (v, t) -> t.nombre((Double) v);
        }
        if (type == LocalDate.class) {
            return (v, t) -> t.date((LocalDate) v);
        }
        if (type.isEnum()) {
            return ecritureEnum(type);
        }
        if (type.getSuperclass() != null && type.getSuperclass().isEnum()) {
            return ecritureEnum(type.getSuperclass());
        }
        if (List.class.isAssignableFrom(type)) {
            return (v, t) -> t.liste((List<?>) v, SELON_LA_CLASSE);
        }
        if (type.isRecord() && recordSimple(type)) {
            return type.isAnnotationPresent(EcritureMemorisee.class) ? memorisee(ecritureRecord(type)) : ecritureRecord(type);
        }
        return new ParJackson();
    }

    /** Whatever the writer does not know for certain is written by Jackson, value by value: exact, but slow. */
    private static final class ParJackson implements Ecriture {
        @Override
        public void ecrire(Object valeur, Tampon t) {
            t.brut(Json.CANONIQUE.writeValueAsBytes(valeur));
        }
    }

    /** Vrai si les valeurs de ce type s'écrivent sans repli sur Jackson (pour les tests). */
    static boolean ecritSansJackson(Class<?> type) {
        return !(ECRITURES.get(type) instanceof ParJackson);
    }

    /** Each constant as Jackson writes it (its name, or its {@code @JsonProperty}), encoded once. */
    private static Ecriture ecritureEnum(Class<?> type) {
        Object[] constantes = type.getEnumConstants();
        byte[][] octets = new byte[constantes.length][];
        for (int i = 0; i < constantes.length; i++) {
            octets[i] = Json.CANONIQUE.writeValueAsBytes(constantes[i]);
        }
        return (v, t) -> t.brut(octets[((Enum<?>) v).ordinal()]);
    }

    /**
     * A record Jackson writes as its components in declaration order, nothing else: no Jackson annotation on it or its
     * components, and no public getter other than the components (Jackson would add it as a property).
     */
    private static boolean recordSimple(Class<?> type) {
        if (annoteParJackson(type)) {
            return false;
        }
        Set<String> composantes = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        for (RecordComponent c : type.getRecordComponents()) {
            // An annotation on a component lands on its field, its accessor or the component, depending on its targets.
            if (annoteParJackson(c) || annoteParJackson(c.getAccessor()) || annoteParJackson(champ(type, c.getName()))) {
                return false;
            }
        }
        for (Method m : type.getMethods()) {
            boolean getter = m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                    && m.getDeclaringClass() != Object.class && m.getDeclaringClass() != Record.class
                    && (m.getName().startsWith("get") || m.getName().startsWith("is"));
            if (getter && !composantes.contains(m.getName()) || annoteParJackson(m)) {
                return false;
            }
        }
        return true;
    }

    private static AnnotatedElement champ(Class<?> type, String nom) {
        try {
            return type.getDeclaredField(nom);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean annoteParJackson(AnnotatedElement e) {
        return Arrays.stream(e.getAnnotations())
                .anyMatch(a -> a.annotationType().getPackageName().startsWith("com.fasterxml.jackson")
                        || a.annotationType().getPackageName().startsWith("tools.jackson"));
    }

    private static Ecriture ecritureRecord(Class<?> type) {
        RecordComponent[] composantes = type.getRecordComponents();
        byte[][] noms = new byte[composantes.length][];
        Function<Object, Object>[] lecteurs = lecteurs(type, composantes);
        Ecriture[] ecritures = new Ecriture[composantes.length];
        for (int i = 0; i < composantes.length; i++) {
            noms[i] = (Json.CANONIQUE.writeValueAsString(composantes[i].getName()) + ":").getBytes(StandardCharsets.UTF_8);
            ecritures[i] = ecritureDeclaree(composantes[i].getGenericType());
        }
        return (v, t) -> {
            t.octet('{');
            boolean premier = true;
            for (int i = 0; i < noms.length; i++) {
                Object valeur = lecteurs[i].apply(v);
                if (valeur == null) {
                    continue; // NON_NULL, as in Json.CANONIQUE
                }
                if (!premier) {
                    t.octet(',');
                }
                premier = false;
                t.brut(noms[i]);
                ecritures[i].ecrire(valeur, t);
            }
            t.octet('}');
        };
    }

    /**
     * The writing of a component, chosen once from its declared type when that type is final (a record, an enum, a
     * string, a boxed number, a date, or a list of those): no lookup by class for each value written.
     */
    private static Ecriture ecritureDeclaree(Type declare) {
        if (declare instanceof Class<?> c && (Modifier.isFinal(c.getModifiers()) || c.isEnum())) {
            return new Differee(MethodType.methodType(c).wrap().returnType());
        }
        if (declare instanceof ParameterizedType p && p.getRawType() == List.class
                && p.getActualTypeArguments()[0] instanceof Class<?> e && Modifier.isFinal(e.getModifiers())) {
            Ecriture element = new Differee(e);
            return (v, t) -> t.liste((List<?>) v, element);
        }
        return SELON_LA_CLASSE;
    }

    /**
     * Looked up at the first value rather than when the record's writing is built: a record that contains itself,
     * directly or not, would otherwise ask {@link #ECRITURES} for the type being computed.
     */
    private static final class Differee implements Ecriture {
        private final Class<?> type;
        private Ecriture cible; // racy but idempotent: any thread computes the same writing

        Differee(Class<?> type) {
            this.type = type;
        }

        @Override
        public void ecrire(Object valeur, Tampon t) {
            Ecriture e = cible;
            if (e == null) {
                e = ECRITURES.get(type);
                cible = e;
            }
            e.ecrire(valeur, t);
        }
    }

    /** For a value whose declared type does not fix its class: looked up by class, value by value. */
    private static final Ecriture SELON_LA_CLASSE = (v, t) -> t.valeur(v);

    /**
     * A small lossy cache by identity: a slot holds the last instance written there and its bytes. Bounded whatever
     * the instances; an entry is immutable, so a slot read by another thread is either whole or another instance's,
     * and then the bytes are just written again.
     */
    private static Ecriture memorisee(Ecriture ecriture) {
        record Entree(Object instance, byte[] octets) { }
        Entree[] cases = new Entree[1024];
        return (v, t) -> {
            int i = System.identityHashCode(v) & (cases.length - 1);
            Entree e = cases[i];
            if (e == null || e.instance() != v) {
                Tampon seul = new Tampon(256);
                ecriture.ecrire(v, seul);
                e = new Entree(v, Arrays.copyOf(seul.octets, seul.taille));
                cases[i] = e;
            }
            t.brut(e.octets());
        };
    }

    /** One generated {@code Function} per component: a plain interface call, which the JIT inlines, unlike a MethodHandle held in a field. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object>[] lecteurs(Class<?> type, RecordComponent[] composantes) {
        Function<Object, Object>[] lecteurs = new Function[composantes.length];
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            for (int i = 0; i < composantes.length; i++) {
                MethodHandle accesseur = lookup.unreflect(composantes[i].getAccessor());
                CallSite site = LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(Function.class),
                        MethodType.methodType(Object.class, Object.class), accesseur, accesseur.type().wrap());
                lecteurs[i] = (Function<Object, Object>) site.getTarget().invoke();
            }
        } catch (Throwable e) {
            throw new IllegalStateException("Accesseurs du record " + type.getName() + " inaccessibles", e);
        }
        return lecteurs;
    }

    /** The ASCII characters Jackson escapes in a string. */
    private static final boolean[] ASCII_A_ECHAPPER = new boolean[128];

    static {
        for (int c = 0; c < 128; c++) {
            ASCII_A_ECHAPPER[c] = c < 0x20 || c == '"' || c == '\\';
        }
    }

    private static final byte[] VRAI = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAUX = "false".getBytes(StandardCharsets.US_ASCII);

    /** Where a full buffer's first {@code longueur} bytes go: the digest, or the pieces of a long text. */
    @FunctionalInterface
    private interface Sortie {
        void ecrire(byte[] octets, int longueur);
    }

    /**
     * The pieces of a text longer than the buffer, each copied once, then assembled in one array of the text's exact
     * size: at most twice the text in memory, as Jackson does. A buffer that doubles as it grows held three to four times
     * the text at once: the four largest dossiers admitted (16 000 anomalies each), answered in turn, then ran a 128 MB
     * service out of memory in two runs of three ({@code PetitTasTest}).
     */
    private static final class Morceaux implements Sortie {
        private final List<byte[]> pleins = new ArrayList<>();
        private int total;

        @Override
        public void ecrire(byte[] octets, int longueur) {
            pleins.add(Arrays.copyOf(octets, longueur));
            total += longueur;
        }

        /** The whole text: the pieces handed over, then the {@code longueur} bytes still in the buffer. */
        byte[] assembler(byte[] reste, int longueur) {
            byte[] tout = new byte[total + longueur];
            int p = 0;
            for (byte[] plein : pleins) {
                System.arraycopy(plein, 0, tout, p, plein.length);
                p += plein.length;
            }
            System.arraycopy(reste, 0, tout, p, longueur);
            return tout;
        }
    }

    /**
     * A byte buffer, one per call so that the writer has no shared state. Without an output it grows to hold the whole
     * text (small texts only); with one, it hands its bytes over whenever it is full, and grows only for a longer single
     * string.
     */
    private static final class Tampon {
        byte[] octets;
        int taille;
        private final Sortie sortie;

        Tampon(int capacite) {
            this(capacite, null);
        }

        Tampon(int capacite, Sortie sortie) {
            octets = new byte[capacite];
            this.sortie = sortie;
        }

        void vider() {
            sortie.ecrire(octets, taille);
            taille = 0;
        }

        void valeur(Object v) {
            if (v == null) {
                brut(NUL);
                return;
            }
            ECRITURES.get(v.getClass()).ecrire(v, this);
        }

        void liste(List<?> liste, Ecriture element) {
            octet('[');
            for (int i = 0, n = liste.size(); i < n; i++) {
                if (i > 0) {
                    octet(',');
                }
                Object e = liste.get(i);
                if (e == null) {
                    brut(NUL);
                } else {
                    element.ecrire(e, this);
                }
            }
            octet(']');
        }

        /**
         * A string, encoded to UTF-8 straight into the buffer. Jackson writes the same bytes as long as there is nothing
         * to escape ({@code "}, {@code \\}, control characters) and no surrogate; otherwise Jackson writes it.
         */
        void chaine(String s) {
            int n = s.length();
            reserver(3 * n + 2);
            byte[] o = octets;
            int p = taille;
            o[p++] = '"';
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    if (ASCII_A_ECHAPPER[c]) {
                        brut(Json.CANONIQUE.writeValueAsBytes(s));
                        return;
                    }
                    o[p++] = (byte) c;
                } else if (c < 0x800) {
                    o[p++] = (byte) (0xC0 | (c >> 6));
                    o[p++] = (byte) (0x80 | (c & 0x3F));
                } else if (Character.isSurrogate(c)) {
                    brut(Json.CANONIQUE.writeValueAsBytes(s));
                    return;
                } else {
                    o[p++] = (byte) (0xE0 | (c >> 12));
                    o[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    o[p++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            o[p++] = '"';
            taille = p;
        }

        void nombre(double d) {
            if (Double.isFinite(d)) {
                ascii(NumberOutput.toString(d, DOUBLES_RAPIDES));
            } else {
                brut(Json.CANONIQUE.writeValueAsBytes(d));
            }
        }

        void date(LocalDate d) {
            octet('"');
            ascii(d.toString());
            octet('"');
        }

        void ascii(String s) {
            int n = s.length();
            reserver(n);
            for (int i = 0; i < n; i++) {
                octets[taille++] = (byte) s.charAt(i); // ASCII only: numbers and ISO dates
            }
        }

        void brut(byte[] b) {
            reserver(b.length);
            System.arraycopy(b, 0, octets, taille, b.length);
            taille += b.length;
        }

        void octet(char c) {
            reserver(1);
            octets[taille++] = (byte) c;
        }

        /** Room for {@code n} more bytes at {@code taille}; what was written before it may go to the output first. */
        private void reserver(int n) {
            if (taille + n > octets.length) {
                if (sortie != null) {
                    vider();
                    if (n <= octets.length) {
                        return;
                    }
                }
                octets = Arrays.copyOf(octets, Math.max(octets.length * 2, taille + n));
            }
        }

        private static final byte[] NUL = "null".getBytes(StandardCharsets.US_ASCII);
    }
}
