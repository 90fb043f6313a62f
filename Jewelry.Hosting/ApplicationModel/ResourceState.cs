namespace Jewelry.Hosting;

public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Healthy,
    Unhealthy,
    Stopping,
    Stopped,
    Failed,
    Exited,
}
