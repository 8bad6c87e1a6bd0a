package dev.relations.benchmark;

/**
 * GETs of a path no route answers ({@value #PATH}, 404): the HTTP floor of the service,
 * the ceiling the read scenarios are compared to.
 */
final class UnroutedScenario implements Scenario, WrkScenario {
    static final String PATH = "/x";
    private static final int NOT_FOUND = 404;

    private final RelationsClient client;

    UnroutedScenario(RelationsClient client) {
        this.client = client;
    }

    @Override
    public String name() {
        return "unrouted";
    }

    @Override
    public void prepare() {
    }

    @Override
    public OpResult execute(int c) throws Exception {
        var response = client.getPlain(PATH);
        return response.status() == NOT_FOUND ? OpResult.OK : OpResult.error(String.valueOf(response.status()));
    }

    @Override
    public WrkScript warmup() {
        return WrkScript.get(name(), "function target(k) return \"" + PATH + "\" end", null).expecting(NOT_FOUND);
    }

    @Override
    public WrkScript measured(long warmupNext) {
        return warmup();
    }
}
