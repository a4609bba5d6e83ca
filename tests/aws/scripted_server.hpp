#pragma once
// A tiny HTTP/1.1 server on 127.0.0.1 (a free port) for fault injection: each request gets the next
// scripted action (an answer, a dropped connection, a stall), or the action a router picks from the
// request's text (for runs whose calls are made in parallel or in an order not worth scripting), and
// every request is recorded.
#include <chrono>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rg::test {

struct ScriptedAction {
  enum class Kind { kRespond, kDrop, kStall } kind = Kind::kRespond;
  int status = 200;
  std::string body;
  std::string content_type = "text/xml";
  std::chrono::milliseconds stall{0};
};

ScriptedAction respond(int status, std::string body, std::string content_type = "text/xml");
ScriptedAction drop_connection();
ScriptedAction stall(std::chrono::milliseconds how_long);

class ScriptedServer {
public:
  using Router = std::function<ScriptedAction(const std::string& request)>;
  explicit ScriptedServer(std::vector<ScriptedAction> script);
  explicit ScriptedServer(Router route); // called on the server's threads, one request at a time
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  std::string url() const;
  std::vector<std::string> requests() const; // raw request text (head and body)
  int connections() const;

private:
  void start();
  void accept_loop();
  void serve(int fd);

  int listen_fd_ = -1;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::deque<ScriptedAction> script_;
  Router route_;
  std::vector<std::string> requests_;
  std::vector<int> open_fds_;
  int connections_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

} // namespace rg::test
