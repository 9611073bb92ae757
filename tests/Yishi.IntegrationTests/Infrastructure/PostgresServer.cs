using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

[assembly: AssemblyFixture(typeof(Yishi.IntegrationTests.Infrastructure.PostgresServer))]

namespace Yishi.IntegrationTests.Infrastructure;

/// <summary>
/// One real PostgreSQL server for the whole test run: initdb into a temp folder, started on a free
/// loopback port, stopped and removed at the end. Each test class gets its own database.
/// As root, the server runs as the 'postgres' user (initdb refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string _dir = "";
    private string _bin = "";
    private bool _started;
    public int Port { get; private set; }

    public async ValueTask InitializeAsync()
    {
        _bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL server binaries were not found under /usr/lib/postgresql/*/bin. Run ./test.sh (it installs them as root) or apt-get install postgresql.");
        _dir = Path.Combine(Path.GetTempPath(), $"yishi-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dir);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", ["postgres:postgres", _dir]);
        Port = FreePort();
        await RunPgAsync(asRoot, "initdb", ["-D", Path.Combine(_dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "-N"]);
        await RunPgAsync(asRoot, "pg_ctl", ["-D", Path.Combine(_dir, "data"), "-w", "-l", Path.Combine(_dir, "server.log"), "-o",
            $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c full_page_writes=off", "start"]);
        _started = true;
    }

    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix.ToLowerInvariant()}_{Guid.NewGuid():N}"[..40];
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database)
        => $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40;Include Error Detail=true";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_started)
            await RunPgAsync(Environment.UserName == "root", "pg_ctl", ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"]);
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static string? FindBin()
        => Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunPgAsync(bool asRoot, string tool, string[] args)
        => asRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]) : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({p.ExitCode}): {await stderr}{await stdout}");
    }
}
