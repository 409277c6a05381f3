import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A county's working day against a running platform, bounded in count: CLIENTS concurrent clients send REQUESTS
 * requests (after WARMUP unmeasured ones) drawn from a fixed mix — 80 % reads (household GET, searches, region
 * counts), 15 % writes (household edits with If-Match, 雨露计划 filings and steps), 5 % reports and exports — and
 * the latency percentiles of each class are printed. No JSON library: the JDK alone, so that it runs as
 * {@code java benchmarks/WorkingDay.java BASE_URL PASSWORD [CLIENTS] [REQUESTS] [WARMUP] [THINK_MS]} anywhere.
 * Without THINK_MS each client sends its next request the moment an answer arrives (a closed loop: the heaviest
 * load 64 clients can make); with it, each pauses a random 0 … 2 × THINK_MS between requests, as people do.
 *
 * <p>Setup (not measured): signs in as {@code admin}, makes a province-level program officer of the poverty office,
 * enables 雨露计划 for every county of 甘肃 (62), and finds students the program finds eligible by asking
 * households' eligibility.
 */
public class WorkingDay {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    record Reply(int status, String body, String etag) {
    }

    record Candidate(String household, String member) {
    }

    static String base;
    static int think;
    static String admin;
    static String officer;
    static long maxId;
    static final List<String> counties = new ArrayList<>();
    static final List<String> villages = new ArrayList<>();
    static final List<String> names = new ArrayList<>();
    static final List<Candidate> candidates = Collections.synchronizedList(new ArrayList<>());
    static final ConcurrentLinkedQueue<String> submitted = new ConcurrentLinkedQueue<>();
    static final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    static final Map<String, String> firstFailure = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        base = args[0];
        String password = args[1];
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 4_000;
        think = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        setUp(password);
        System.out.printf("registry: highest household id %d, %d counties, %d villages, %d eligible students found%n",
                maxId, counties.size(), villages.size(), candidates.size());
        run(clients, warmup, false);
        latencies.clear();
        failures.clear();
        statuses.clear();
        long started = System.nanoTime();
        run(clients, requests, true);
        double seconds = (System.nanoTime() - started) / 1e9;
        report(requests, seconds, clients);
    }

    // ---- setup ----

    static void setUp(String password) throws Exception {
        admin = signIn("admin", password);
        var created = send("POST", "/admin/users", admin, """
                {"username":"wd-officer","displayName":"扶贫办经办人（压测）","password":"working-day-1",
                 "region":"62","agency":"poverty-office","roles":["PROGRAM_OFFICER"]}""", null);
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("officer not created: " + created.status() + " " + created.body());
        }
        officer = signIn("wd-officer", "working-day-1");
        maxId = maxHouseholdId();
        for (String city : codes(send("GET", "/regions?parent=62", admin, null, null).body())) {
            for (String county : codes(send("GET", "/regions?parent=" + city, admin, null, null).body())) {
                counties.add(county);
                send("PUT", "/regions/" + county + "/programs/yulu", admin, "{\"enabled\":true}", null);
            }
        }
        var page = send("GET", "/households?region=62&size=500", admin, null, null).body();
        Matcher village = Pattern.compile("\"villageCode\":\"(\\d{12})\"").matcher(page);
        while (village.find()) {
            villages.add(village.group(1));
        }
        Matcher head = Pattern.compile("\"headName\":\"([^\"]+)\"").matcher(page);
        while (head.find()) {
            names.add(head.group(1));
        }
        findCandidates(3_000, 150_000);
    }

    static long maxHouseholdId() throws Exception {
        long low = 1;
        long high = 1L << 24;
        while (low < high) { // the largest id that exists: ids are dense from 1
            long middle = (low + high + 1) / 2;
            if (send("GET", "/households/" + middle, admin, null, null).status() == 200) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    static void findCandidates(int wanted, int tries) throws Exception {
        var pool = Executors.newFixedThreadPool(16);
        var asked = new AtomicInteger();
        var done = new CountDownLatch(16);
        Pattern member = Pattern.compile("\"eligible\":true,\"failed\":false,\"reasons\":\\[\\{[^}]*?\"memberId\":\"(\\d+)\"");
        for (int t = 0; t < 16; t++) {
            pool.execute(() -> {
                try {
                    while (candidates.size() < wanted && asked.incrementAndGet() < tries) {
                        String household = String.valueOf(ThreadLocalRandom.current().nextLong(1, maxId + 1));
                        var reply = send("GET", "/households/" + household + "/eligibility", admin, null, null);
                        Matcher m = member.matcher(reply.body());
                        if (m.find()) {
                            candidates.add(new Candidate(household, m.group(1)));
                        }
                    }
                } catch (Exception e) {
                    System.err.println("eligibility: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        Collections.shuffle(candidates, new Random(1));
    }

    static List<String> codes(String regions) {
        var codes = new ArrayList<String>();
        Matcher m = Pattern.compile("\"code\":\"(\\d+)\"").matcher(regions);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    // ---- the day ----

    static void run(int clients, int requests, boolean measured) throws InterruptedException {
        var pool = Executors.newFixedThreadPool(clients);
        var left = new AtomicInteger(requests);
        var done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        oneRequest(ThreadLocalRandom.current());
                        if (think > 0) {
                            Thread.sleep(ThreadLocalRandom.current().nextInt(2 * think + 1));
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
    }

    static void oneRequest(ThreadLocalRandom random) {
        int roll = random.nextInt(100);
        String household = String.valueOf(random.nextLong(1, maxId + 1));
        String village = villages.get(random.nextInt(villages.size()));
        String county = counties.get(random.nextInt(counties.size()));
        try {
            if (roll < 50) {
                timed("read", "GET household", "GET", "/households/" + household, admin, null, null, 200);
            } else if (roll < 55) {
                timed("read", "search village", "GET", "/households?region=" + village + "&size=20", admin, null,
                        null, 200);
            } else if (roll < 60) {
                String name = names.get(random.nextInt(names.size()));
                timed("read", "search name", "GET", "/households?region=62&size=20&q="
                        + URLEncoder.encode(name.substring(0, Math.min(2, name.length())), StandardCharsets.UTF_8),
                        admin, null, null, 200);
            } else if (roll < 65) {
                timed("read", "search county+status", "GET", "/households?region=" + county
                        + "&status=POOR&size=20", admin, null, null, 200);
            } else if (roll < 80) {
                timed("read", "region counts", "GET", "/households/counts?region=" + county, admin, null, null, 200);
            } else if (roll < 90) {
                editHousehold(household);
            } else if (roll < 95) {
                String application = roll < 93 ? null : submitted.poll();
                if (application == null) {
                    file();
                } else {
                    timed("write", "application step", "POST", "/programs/yulu/applications/" + application
                            + "/transitions", officer, "{\"action\":\"reject\",\"note\":\"压测：材料不全，退回\"}", null,
                            200);
                }
            } else if (roll < 98) {
                timed("report", "program report", "GET", "/programs/yulu/reports/applications-by-state?region="
                        + county, officer, null, null, 200);
            } else {
                timed("report", "village export CSV", "GET", "/households?region=" + village + "&format=csv", admin,
                        null, null, 200);
            }
        } catch (Exception e) {
            fail("error", e.toString());
        }
    }

    static void editHousehold(String household) throws Exception {
        var current = send("GET", "/households/" + household, admin, null, null);
        if (current.status() != 200) {
            fail("write", "GET before edit " + current.status());
            return;
        }
        String phone = "1390000" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String edited = current.body().replaceFirst("\"phone\":(null|\"[^\"]*\")", "\"phone\":\"" + phone + "\"");
        timed("write", "household edit (If-Match)", "PUT", "/households/" + household, admin, edited,
                current.etag(), 200);
    }

    static void file() throws Exception {
        Candidate candidate;
        synchronized (candidates) {
            if (candidates.isEmpty()) {
                fail("write", "no eligible student left to file for");
                return;
            }
            candidate = candidates.remove(candidates.size() - 1);
        }
        int enrolled = LocalDate.now().getYear() - (LocalDate.now().getMonthValue() >= 10 ? 0 : 1);
        String body = """
                {"householdId":"%s","data":{"student":"%s","schoolName":"天水市职业技术学校",
                 "schoolType":"SECONDARY_VOCATIONAL","schoolSubtype":"TECHNICAL_SECONDARY",
                 "enrolmentYear":%d,"programmeYears":3}}""".formatted(candidate.household(), candidate.member(),
                enrolled);
        var reply = timed("write", "application filing", "POST", "/programs/yulu/applications", officer, body, null,
                201, 422, 409);
        if (reply != null && reply.status() == 201) {
            Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(reply.body());
            if (id.find()) {
                submitted.add(id.group(1));
            }
        }
    }

    /**
     * Times one request into its class and kind. A filing refused with 422/409 (the student already has an open
     * application, say) is a correct answer, timed like the others; anything else unexpected counts as a failure.
     */
    static Reply timed(String type, String kind, String method, String path, String token, String body,
            String etag, int... expected) throws Exception {
        long start = System.nanoTime();
        Reply reply = send(method, path, token, body, etag);
        long micros = (System.nanoTime() - start) / 1_000;
        statuses.computeIfAbsent(kind + " " + reply.status(), k -> new AtomicInteger()).incrementAndGet();
        latencies.computeIfAbsent(type, k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
        latencies.computeIfAbsent(type + ": " + kind, k -> Collections.synchronizedList(new ArrayList<>())).add(micros);
        for (int ok : expected) {
            if (reply.status() == ok) {
                return reply;
            }
        }
        fail(type, kind + " " + reply.status() + " " + reply.body().substring(0, Math.min(200, reply.body().length())));
        return null;
    }

    static void fail(String type, String what) {
        failures.computeIfAbsent(type, k -> new AtomicInteger()).incrementAndGet();
        firstFailure.putIfAbsent(type, what);
    }

    static Reply send(String method, String path, String token, String body, String etag) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (etag != null) {
            request.header("If-Match", etag);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), response.headers().firstValue("ETag").orElse(null));
    }

    static String signIn(String user, String password) throws Exception {
        var reply = send("POST", "/auth/login", null, "{\"username\":\"" + user + "\",\"password\":\"" + password
                + "\"}", null);
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(reply.body());
        if (!token.find()) {
            throw new IllegalStateException("cannot sign in as " + user + ": " + reply.body());
        }
        return token.group(1);
    }

    static void report(int requests, double seconds, int clients) {
        System.out.printf("%,d requests by %d clients in %.1f s = %,.0f requests/s%n", requests, clients, seconds,
                requests / seconds);
        System.out.printf("%-40s %8s %9s %9s %9s %9s %8s%n", "class", "count", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "errors");
        var sorted = new TreeMap<>(latencies);
        sorted.forEach((name, values) -> {
            var copy = new ArrayList<>(values);
            Collections.sort(copy);
            String type = name.contains(":") ? name.substring(0, name.indexOf(':')) : name;
            int errors = name.contains(":") ? 0 : failures.getOrDefault(type, new AtomicInteger()).get();
            System.out.printf("%-40s %8d %9.1f %9.1f %9.1f %9.1f %8s%n", name, copy.size(), pct(copy, 50),
                    pct(copy, 95), pct(copy, 99), copy.get(copy.size() - 1) / 1000.0, name.contains(":") ? "" : errors);
        });
        System.out.println("answers: " + new TreeMap<>(statuses));
        failures.forEach((type, count) -> System.out.printf("failures %s: %d, first: %s%n", type, count.get(),
                firstFailure.get(type)));
    }

    static double pct(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1)) / 1000.0;
    }
}
