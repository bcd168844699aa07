// A first hubshare session: paste it into JShell, line by line or all at once.
//
// Run it from the project's root after `mvn -q package -DskipTests`:
//
//   jshell --class-path target/hubshare-cli.jar examples/first-session.jsh
//
// It reads the public Hugging Face Hub, anonymously unless HF_TOKEN or ~/.cache/huggingface/token holds a token.
// To point it at a mirror, or at the project's local stand-in hub (see examples/README.md), pass a system property
// to the JShell's JVM:
//
//   jshell -R-Dhubshare.endpoint=http://127.0.0.1:8080 --class-path target/hubshare-cli.jar examples/first-session.jsh
//
// hubshare reads metadata only: nothing here downloads a model file or counts as a download.

import io.hubshare.*
import io.hubshare.hub.*
import io.hubshare.domain.*
import io.hubshare.error.*

HubClient hub = HubClient.create()
System.out.println(hub)                      // the endpoint, where the token came from (never the token)

// One model's info. Renamed repositories are followed: the id you get back is the canonical one. Offline, or a
// wrong endpoint? This first call says so at once, and the session stops here rather than fail at every step
// (after a moment for the message to reach the console).
Model r1 = null
try { r1 = hub.models().get("deepseek-ai/DeepSeek-R1"); } catch (HubException e) { System.out.println("first-session.jsh: " + e.getMessage()); Thread.sleep(300); System.exit(1); }
System.out.println(r1.id() + " " + r1.pipelineTag() + ", " + r1.downloads())

// Fields picked by name (expand): all-time downloads, and the tags that carry the base-model links. A field the
// hub does not send stays null, never 0.
Model qwen = hub.models().get("Qwen/Qwen3-8B", null, "downloadsAllTime", "tags")
System.out.println("all-time downloads: " + (qwen.downloads().allTime() == null ? "not sent by this hub" : qwen.downloads().allTime()) + "; bases: " + qwen.baseModels())

// A listing is lazy: this fetches one page of 100, not the whole author.
hub.models().list(ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS).pageSize(100).build()).stream().limit(10).forEach(System.out::println)

// Pages carry a cursor: save it, and resume later (even in another process) exactly where you stopped.
Page<Model> first = hub.models().list(ModelQuery.builder().filter("gguf").pageSize(50).build()).pages().iterator().next()
System.out.println(first)
hub.models().list(ModelQuery.builder().filter("gguf").pageSize(50).cursor(first.nextCursor()).build()).stream().limit(3).forEach(System.out::println)

// Who publishes a model: an organisation or a user.
System.out.println(hub.accounts().get("Qwen"))
System.out.println(hub.accounts().get("bartowski"))

// Who stands behind the account, from the curated origin registry (no request).
System.out.println(hub.origins().of(r1))

// A snapshot: every Qwen model into a file, resumable if interrupted; the crawl logs nothing unless asked to.
io.hubshare.snapshot.CrawlResult crawl = hub.snapshots().crawl(ModelQuery.builder().author("Qwen").pageSize(1000).build(), java.nio.file.Path.of("target/qwen.jsonl.gz"), io.hubshare.snapshot.CrawlOptions.builder().overwrite(true).build())
System.out.println("crawled " + crawl.models() + " models into " + crawl.file())

// The same lookup again is answered from memory.
hub.models().get("deepseek-ai/DeepSeek-R1")
System.out.println(hub.cacheStats())

hub.close()
/exit
