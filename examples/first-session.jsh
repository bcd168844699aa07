// A first hubshare session: paste it into JShell, line by line or all at once.
//
// Run it from the project's root after `mvn -q package -DskipTests`:
//
//   jshell --class-path target/hubshare-cli.jar examples/first-session.jsh
//
// or, with the dependencies listed once by `mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt`:
//
//   jshell --class-path $(cat cp.txt):target/classes examples/first-session.jsh
//
// It reads the public Hugging Face Hub, anonymously unless HF_TOKEN or ~/.cache/huggingface/token holds a token.
// To point it at a mirror or a local stand-in hub instead, pass a system property to the JShell's JVM:
//
//   jshell -R-Dhubshare.endpoint=http://127.0.0.1:8080 --class-path target/hubshare-cli.jar examples/first-session.jsh
//
// hubshare reads metadata only: nothing here downloads a model file or counts as a download.

import io.hubshare.*
import io.hubshare.hub.*
import io.hubshare.domain.*

HubClient hub = HubClient.create()
System.out.println(hub)                      // the endpoint, where the token came from (never the token)

// One model's info. Renamed repositories are followed: the id you get back is the canonical one.
Model r1 = hub.models().get("deepseek-ai/DeepSeek-R1")
System.out.println(r1.id() + " " + r1.pipelineTag() + ", " + r1.downloads())

// Fields that only the info call has, such as all-time downloads and base models.
Model qwen = hub.models().get("Qwen/Qwen3-8B", null, "downloadsAllTime", "baseModels")
System.out.println(qwen.downloads().allTime() + " downloads since creation; bases: " + qwen.baseModels())

// A listing is lazy: this fetches one page of 100, not the whole author.
hub.models().list(ModelQuery.builder().author("Qwen").sort(ModelSort.DOWNLOADS).pageSize(100).build()).stream().limit(10).forEach(System.out::println)

// Pages carry a cursor: save it, and resume later (even in another process) exactly where you stopped.
Page<Model> first = hub.models().list(ModelQuery.builder().filter("gguf").pageSize(50).build()).pages().iterator().next()
System.out.println(first)
hub.models().list(ModelQuery.builder().filter("gguf").pageSize(50).cursor(first.nextCursor()).build()).stream().limit(3).forEach(System.out::println)

// Who publishes a model: an organisation or a user.
System.out.println(hub.accounts().get("Qwen"))

// The same lookup again is answered from memory.
hub.models().get("deepseek-ai/DeepSeek-R1")
System.out.println(hub.cacheStats())

hub.close()
/exit
